package fr.ent.attendance;

import fr.ent.testkit.PresignedUrls;
import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.S3Resource;
import fr.ent.testservers.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import static fr.ent.attendance.World.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(S3Resource.class)
class JustificationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    @Inject
    DirectoryProjection projection;

    @Inject
    fr.ent.attendance.justification.LegacyAttachments legacy;

    @Inject
    javax.sql.DataSource db;

    World w;
    String absence;
    String illness;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2);
        illness = w.reason("MALADIE", "Maladie", true, false);
        LocalDate today = World.today();
        absence = as(w.cpeToken()).body(Map.of("pupilId", w.pupil(0), "startsAt", today + "T08:00", "endsAt", today + "T12:00"))
                .post("/api/attendance/absences").then().statusCode(201).extract().path("id");
    }

    io.restassured.response.ValidatableResponse justify(String token, String file, byte[] content, String mime) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("reasonId", illness, "comment", "Fièvre"));
        if (content != null) {
            // the declared name and type are the client's word; only the bytes count
            body.put("attachmentId", Uploads.upload(token, absence, file, content, mime));
        }
        return as(token).body(body).post("/api/attendance/entries/" + absence + "/justifications").then();
    }

    @Test
    void a_guardian_justifies_with_a_pdf_and_the_cpe_accepts_it() {
        String id = justify(w.guardianToken(0), "certificat.pdf", PDF, "application/pdf")
                .statusCode(201).body("status", equalTo("PENDING")).body("attachmentType", equalTo("application/pdf"))
                .body("attachmentSize", equalTo(PDF.length)).extract().path("id");
        // a second one while the first waits
        justify(w.guardianToken(0), null, null, null).statusCode(409)
                .body("type", equalTo("https://ent.example/problems/justification-pending"));
        as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/justifications?status=PENDING")
                .then().statusCode(200).body("", hasSize(1));
        // a short-lived pre-signed link to the object storage, which answers the bytes as an attachment
        var link = as(w.cpeToken()).get("/api/attendance/justifications/" + id + "/attachment")
                .then().statusCode(200).contentType("application/json")
                .body("fileName", equalTo("certificat.pdf")).body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(PDF.length)).extract();
        var stored = PresignedUrls.get(link.path("url"));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(Arrays.equals(stored.body(), PDF)).isTrue();
        assertThat(stored.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        as(w.guardianToken(1)).get("/api/attendance/justifications/" + id + "/attachment").then().statusCode(404);
        // the other parent (separated, own account) reads what the first one sent
        UUID father = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            projection.apply(DirectoryEvents.event(DirectoryEvents.parent(father, "Marc", "Nom0", w.school)));
            projection.apply(DirectoryEvents.event(DirectoryEvents.guardianship(father, w.pupil(0), false)));
        });
        as(TestTokens.parent(father, w.school)).get("/api/attendance/justifications/" + id + "/attachment").then().statusCode(200);

        as(w.teacherAToken()).post("/api/attendance/justifications/" + id + "/accept").then().statusCode(403);
        as(w.cpeToken()).post("/api/attendance/justifications/" + id + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as(w.cpeToken()).post("/api/attendance/justifications/" + id + "/refuse").then().statusCode(409);
        // without a status filter: every justification of the school, decided ones included
        as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/justifications")
                .then().statusCode(200).body("id", hasItem(id)).body("find { it.id == '" + id + "' }.status", equalTo("ACCEPTED"));
        as(w.guardianToken(0)).get("/api/attendance/pupils/" + w.pupil(0) + "/record").then().statusCode(200)
                .body("entries[0].status", equalTo("JUSTIFIED")).body("entries[0].justification", equalTo("ACCEPTED"))
                .body("unjustifiedHalfDays", equalTo(0)).body("justifiedHalfDays", equalTo(1));
        var event = TopicReader.await("ent.attendance", w.pupil(0), "fr.ent.attendance.absence-justified.v1", 1).get(0);
        assertThat(event.data().get("accepted").asBoolean()).isTrue();
        assertThat(event.data().has("reasonCode")).as("no reason leaves attendance").isFalse();
        assertThat(event.value()).doesNotContain("Fièvre");
    }

    @Test
    void an_attachment_kept_in_the_database_before_is_served_as_before_then_moved_to_object_storage() throws Exception {
        String id = justify(w.guardianToken(0), null, null, null).statusCode(201).extract().path("id");
        // as a justification sent before attachments moved to object storage was stored
        try (var c = db.getConnection(); var ps = c.prepareStatement(
                "update justification set attachment = ?, attachment_type = 'application/pdf', attachment_name = 'ancien.pdf' where id = ?")) {
            ps.setBytes(1, PDF);
            ps.setObject(2, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        byte[] served = as(w.cpeToken()).get("/api/attendance/justifications/" + id + "/attachment")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(Arrays.equals(served, PDF)).isTrue();

        assertThat(legacy.moveAll()).isGreaterThanOrEqualTo(1);

        assertThat(Rows.count(db, "select count(*) from justification where id = ? and attachment is null and attachment_file_id is not null",
                UUID.fromString(id))).isEqualTo(1);
        String url = as(w.cpeToken()).get("/api/attendance/justifications/" + id + "/attachment")
                .then().statusCode(200).contentType("application/json").body("fileName", equalTo("ancien.pdf"))
                .body("size", equalTo(PDF.length)).extract().path("url");
        assertThat(PresignedUrls.get(url).body()).isEqualTo(PDF);
        as(w.guardianToken(0)).get("/api/attendance/pupils/" + w.pupil(0) + "/record").then().statusCode(200);
        assertThat(legacy.moveAll()).as("nothing left to move").isZero();
    }

    @Test
    void a_refused_justification_leaves_the_absence_unjustified_and_says_so() {
        String id = justify(w.guardianToken(0), "photo.png", PNG, "image/png").statusCode(201).extract().path("id");
        as(w.cpeToken()).post("/api/attendance/justifications/" + id + "/refuse").then().statusCode(200).body("status", equalTo("REFUSED"));
        as(w.guardianToken(0)).get("/api/attendance/pupils/" + w.pupil(0) + "/record").then().statusCode(200)
                .body("entries[0].status", equalTo("UNJUSTIFIED")).body("entries[0].justification", equalTo("REFUSED"));
        var event = TopicReader.await("ent.attendance", w.pupil(0), "fr.ent.attendance.absence-justified.v1", 1).get(0);
        assertThat(event.data().get("accepted").asBoolean()).isFalse();
    }

    @Test
    void the_attachment_type_is_checked_by_its_content_not_its_name_and_its_size_is_limited() {
        byte[] script = "#!/bin/sh\necho pwned\n".getBytes(StandardCharsets.US_ASCII);
        justify(w.guardianToken(0), "certificat.pdf", script, "application/pdf").statusCode(415)
                .body("type", equalTo("https://ent.example/problems/file-type"));
        // too large, or a type never accepted, is refused before anything is uploaded
        Uploads.offer(w.guardianToken(0), absence, "gros.pdf", 2 * 1024 * 1024 + 1, "application/pdf", PresignedUrls.sha256(PDF))
                .statusCode(413).body("type", equalTo("https://ent.example/problems/file-too-large"));
        Uploads.offer(w.guardianToken(0), absence, "notes.odt", 100, "application/vnd.oasis.opendocument.text", PresignedUrls.sha256(PDF))
                .statusCode(415);
        // nothing was kept: a proper one is still accepted
        justify(w.guardianToken(0), "scan.jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10},
                "image/jpeg").statusCode(201).body("attachmentType", equalTo("image/jpeg"));
    }

    @Test
    void an_attachment_is_the_uploader_s_with_the_declared_content_or_nothing_is_kept() {
        String url = "/api/attendance/entries/" + absence + "/justifications";
        // another family may neither upload for this absence nor use this family's upload
        Uploads.offer(w.guardianToken(1), absence, "c.pdf", PDF.length, "application/pdf", PresignedUrls.sha256(PDF)).statusCode(404);
        String mine = Uploads.upload(w.guardianToken(0), absence, "c.pdf", PDF, "application/pdf");
        as(w.guardianToken(1)).body(Map.of("reasonId", illness, "attachmentId", mine)).post(url).then().statusCode(404);
        // content that is not the declared one (SHA-256): 422, and the upload is gone
        byte[] other = PDF.clone();
        other[other.length - 2] = 'X';
        String tampered = Uploads.upload(w.guardianToken(0), absence, "c.pdf", other, "application/pdf", PresignedUrls.sha256(PDF));
        as(w.guardianToken(0)).body(Map.of("reasonId", illness, "attachmentId", tampered)).post(url).then().statusCode(422)
                .body("type", equalTo("https://ent.example/problems/checksum-mismatch"));
        as(w.guardianToken(0)).body(Map.of("reasonId", illness, "attachmentId", tampered)).post(url).then().statusCode(404);
        // an upload never sent, or unknown: nothing is kept
        as(w.guardianToken(0)).body(Map.of("reasonId", illness, "attachmentId", UUID.randomUUID())).post(url).then().statusCode(404);
        as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/justifications").then().statusCode(200).body("", hasSize(0));
        // bad declarations are 400s naming the field
        Uploads.offer(w.guardianToken(0), absence, "c.pdf", PDF.length, "application/pdf", "not-a-digest").statusCode(400)
                .body("errors[0].field", equalTo("sha256"));
        Uploads.offer(w.guardianToken(0), absence, "c.pdf", 0, "application/pdf", PresignedUrls.sha256(PDF)).statusCode(400)
                .body("errors[0].field", equalTo("size"));
        // the proper one still goes through
        as(w.guardianToken(0)).body(Map.of("reasonId", illness, "attachmentId", mine)).post(url).then().statusCode(201)
                .body("attachmentSize", equalTo(PDF.length)).body("attachmentName", equalTo("c.pdf"));
    }

    @Test
    void a_comment_the_database_cannot_store_is_a_400_naming_the_field_and_nothing_is_kept() {
        String url = "/api/attendance/entries/" + absence + "/justifications";
        for (String comment : new String[] {"Fi\\u0000vre", "Fi\\udfffvre"}) {
            as(w.guardianToken(0)).body("{\"reasonId\": \"" + illness + "\", \"comment\": \"" + comment + "\"}")
                    .post(url).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("comment"));
        }
        as(w.cpeToken()).get("/api/attendance/schools/" + w.school + "/justifications")
                .then().statusCode(200).body("", hasSize(0));
        // a NUL in a query parameter is refused the same way (it was a 500)
        given().auth().oauth2(w.cpeToken()).urlEncodingEnabled(false)
                .get("/api/attendance/schools/" + w.school + "/justifications?status=PENDING%00")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void only_a_guardian_of_the_pupil_may_justify() {
        justify(w.guardianToken(1), null, null, null).statusCode(404);
        justify(TestTokens.parent(w.guardianB, w.school), null, null, null).statusCode(404);
        justify(w.pupilToken(0), null, null, null).statusCode(403);
        justify(w.cpeToken(), null, null, null).statusCode(403);
    }
}
