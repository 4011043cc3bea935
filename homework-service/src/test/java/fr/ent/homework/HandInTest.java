package fr.ent.homework;

import fr.ent.testkit.PresignedUrls;
import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.S3Resource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static fr.ent.homework.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Hand-ins through the real S3 server: upload, replace, late, close, status, archive, feedback, and who reaches what. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(S3Resource.class)
class HandInTest {

    @Inject
    DirectoryProjection projection;

    World w;
    LocalDate today;
    UUID work;
    String base;

    @BeforeEach
    void seed() {
        w = World.create(projection);
        today = World.today();
        work = w.setWork("Rédaction", "HAND_IN", today.plusDays(2), 45);
        base = "/api/homework/works/" + work;
    }

    private String handIn(fr.ent.testkit.Person pupil, String name, byte[] content) {
        String file = World.upload(pupil.token(), base + "/hand-ins/" + pupil.id() + "/uploads", name, content, "application/pdf");
        as(pupil.token()).body(Map.of("fileIds", List.of(file))).put(base + "/hand-ins/" + pupil.id()).then().statusCode(200);
        return file;
    }

    @Test
    void a_pupil_hands_in_a_pdf_the_teacher_downloads_it_and_returns_feedback_a_classmate_reaches_nothing() throws IOException {
        String file = handIn(w.lea, "rédaction.pdf", World.PDF);
        as(w.lea.token()).get(base + "/hand-ins/" + w.lea.id()).then().statusCode(200)
                .body("late", equalTo(false)).body("files[0].id", equalTo(file));
        TopicReader.Event received = TopicReader.await("ent.homework", work, "fr.ent.homework.hand-in-received.v1", 1).get(0);
        assertThat(received.data().get("pupilId").asText()).isEqualTo(w.lea.id().toString());

        // the teacher follows: Léa handed in, Hugo has not
        var status = as(w.claire.token()).get(base + "/hand-ins").then().statusCode(200).extract().jsonPath();
        assertThat(status.getInt("handedIn")).isEqualTo(1);
        assertThat(status.getInt("missing")).isEqualTo(1);
        assertThat(status.getString("pupils.find { it.pupilId == '" + w.hugo.id() + "' }.state")).isEqualTo("MISSING");

        // her download works, and gives the bytes handed in
        String url = as(w.claire.token()).get(base + "/hand-ins/" + w.lea.id() + "/files/" + file).then().statusCode(200)
                .extract().path("url");
        var got = PresignedUrls.get(url);
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(World.PDF);
        assertThat(got.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");

        // a classmate, a classmate's parent, a teacher of another class: 404
        as(w.hugo.token()).get(base + "/hand-ins/" + w.lea.id()).then().statusCode(404);
        as(w.hugo.token()).get(base + "/hand-ins/" + w.lea.id() + "/files/" + file).then().statusCode(404);
        as(w.hugoParent.token()).get(base + "/hand-ins/" + w.lea.id() + "/files/" + file).then().statusCode(404);
        as(w.bruno.token()).get(base + "/hand-ins/" + w.lea.id() + "/files/" + file).then().statusCode(404);
        as(w.hugo.token()).get(base + "/hand-ins").then().statusCode(403);

        // all hand-ins as one archive
        byte[] zip = as(w.claire.token()).get(base + "/hand-ins.zip").then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).hasSize(1);
        assertThat(entries.keySet().iterator().next()).startsWith("Dubois Léa/");
        assertThat(entries.values().iterator().next()).isEqualTo(World.PDF);

        // feedback with a file, read by Léa and her mother
        String feedbackFile = World.upload(w.claire.token(), base + "/hand-ins/" + w.lea.id() + "/feedback-uploads", "corrigé.pdf",
                World.PDF, "application/pdf");
        as(w.claire.token()).body(Map.of("fileId", feedbackFile, "comment", "Bon travail.")).put(base + "/hand-ins/" + w.lea.id() + "/feedback")
                .then().statusCode(200).body("feedbackFile.id", equalTo(feedbackFile));
        as(w.mother.token()).get(base + "/hand-ins/" + w.lea.id()).then().statusCode(200).body("feedbackComment", equalTo("Bon travail."));
        as(w.lea.token()).get(base + "/hand-ins/" + w.lea.id() + "/files/" + feedbackFile).then().statusCode(200);
        TopicReader.await("ent.homework", work, "fr.ent.homework.feedback-returned.v1", 1);
        as(w.lea.token()).get("/api/homework/pupils/" + w.lea.id() + "/todo").then()
                .body("days[0].subjects[0].works[0].handIn", equalTo("HANDED_IN"))
                .body("days[0].subjects[0].works[0].feedback", equalTo(true));
    }

    @Test
    void a_hand_in_is_replaced_until_the_due_time_late_after_it_and_refused_once_closed() {
        String first = handIn(w.lea, "v1.pdf", World.PDF);
        byte[] second = "%PDF-1.4\nversion 2\n%%EOF\n".getBytes();
        String replaced = handIn(w.lea, "v2.pdf", second);
        as(w.lea.token()).get(base + "/hand-ins/" + w.lea.id()).then().body("files.size()", equalTo(1))
                .body("files[0].id", equalTo(replaced));
        as(w.claire.token()).get(base + "/hand-ins/" + w.lea.id() + "/files/" + first).then().statusCode(404);

        World.at(today.plusDays(2), 9, 0);
        String late = World.upload(w.hugo.token(), base + "/hand-ins/" + w.hugo.id() + "/uploads", "retard.pdf", World.PDF, "application/pdf");
        as(w.hugo.token()).body(Map.of("fileIds", List.of(late))).put(base + "/hand-ins/" + w.hugo.id()).then().statusCode(200)
                .body("late", equalTo(true));
        String again = World.upload(w.lea.token(), base + "/hand-ins/" + w.lea.id() + "/uploads", "v3.pdf", World.PDF, "application/pdf");
        as(w.lea.token()).body(Map.of("fileIds", List.of(again))).put(base + "/hand-ins/" + w.lea.id()).then().statusCode(409);
        as(w.claire.token()).get(base + "/hand-ins").then().body("handedIn", equalTo(1)).body("late", equalTo(1)).body("missing", equalTo(0));

        as(w.paul.token()).post(base + "/close-hand-ins").then().statusCode(404);
        as(w.claire.token()).post(base + "/close-hand-ins").then().statusCode(200);
        as(w.claire.token()).post(base + "/close-hand-ins").then().statusCode(200);
        as(w.hugo.token()).body(Map.of("fileName", "x.pdf", "size", 10, "contentType", "application/pdf", "sha256", PresignedUrls.sha256(World.PDF)))
                .post(base + "/hand-ins/" + w.hugo.id() + "/uploads").then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("hand-ins-closed"));
        as(w.lea.token()).body(Map.of("fileIds", List.of(again))).put(base + "/hand-ins/" + w.lea.id()).then().statusCode(409);
        as(w.lea.token()).get(base + "/hand-ins/" + w.lea.id()).then().body("files[0].id", equalTo(replaced));
    }

    @Test
    void files_too_large_of_a_type_not_allowed_or_not_what_they_claim_are_refused() {
        String path = base + "/hand-ins/" + w.lea.id() + "/uploads";
        Map<String, Object> offer = new HashMap<>(Map.of("fileName", "gros.pdf", "size", 11 * 1024 * 1024, "contentType", "application/pdf",
                "sha256", PresignedUrls.sha256(World.PDF)));
        as(w.lea.token()).body(offer).post(path).then().statusCode(413);
        offer.putAll(Map.of("fileName", "son.mp3", "size", 100, "contentType", "audio/mpeg"));
        as(w.lea.token()).body(offer).post(path).then().statusCode(415);
        // declared a PDF, is not one: refused on confirmation, nothing handed in
        byte[] fake = "pas un PDF du tout".getBytes();
        String file = World.upload(w.lea.token(), path, "faux.pdf", fake, "application/pdf");
        as(w.lea.token()).body(Map.of("fileIds", List.of(file))).put(base + "/hand-ins/" + w.lea.id()).then().statusCode(415);
        as(w.lea.token()).get(base + "/hand-ins/" + w.lea.id()).then().statusCode(404);
        // a classmate's upload is not hers to hand in; a work that is not HAND_IN takes no files
        String hugos = World.upload(w.hugo.token(), base + "/hand-ins/" + w.hugo.id() + "/uploads", "h.pdf", World.PDF, "application/pdf");
        as(w.lea.token()).body(Map.of("fileIds", List.of(hugos))).put(base + "/hand-ins/" + w.lea.id()).then().statusCode(404);
        as(w.lea.token()).body(offer).post(base + "/hand-ins/" + w.hugo.id() + "/uploads").then().statusCode(404);
        as(w.mother.token()).body(offer).post(path).then().statusCode(403);
        UUID exercise = w.setWork("Exercice", "EXERCISE", today.plusDays(2), 10);
        as(w.lea.token()).body(offer).post("/api/homework/works/" + exercise + "/hand-ins/" + w.lea.id() + "/uploads").then().statusCode(409);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
