package fr.ent.messaging;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.S3Resource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static fr.ent.messaging.Scene.as;
import static fr.ent.messaging.Scene.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Attachments through libs/files and the real S3 server: uploaded, confirmed when sent, read by recipients only. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(S3Resource.class)
class AttachmentTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Inject
    DirectoryProjection projection;

    Scene s;

    @BeforeEach
    void seed() {
        s = Scene.create(projection);
    }

    String upload(fr.ent.testkit.Person who, String name, byte[] content, String type) throws Exception {
        var offer = as(who).body(Map.of("fileName", name, "size", content.length, "contentType", type, "sha256", sha256(content)))
                .post("/api/messaging/schools/" + s.school + "/attachment-uploads").then().statusCode(201).extract();
        int status = HTTP.send(HttpRequest.newBuilder(URI.create(offer.path("url"))).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        assertThat(status).isEqualTo(200);
        return offer.path("fileId");
    }

    @Test
    void an_attachment_goes_with_the_message_and_only_its_readers_download_it() throws Exception {
        String file = upload(s.claire, "sortie.pdf", PDF, "application/pdf");
        String id = as(s.claire).body(Map.of("schoolId", s.school, "subject", "Autorisation", "body", "Ci-joint",
                        "to", List.of(to(s.sophie)), "attachmentIds", List.of(file)))
                .post("/api/messaging/messages").then().statusCode(201)
                .body("message.attachments.fileName", contains("sortie.pdf")).extract().path("message.id");
        String url = as(s.sophie).get("/api/messaging/messages/" + id + "/attachments/" + file).then().statusCode(200)
                .extract().path("url");
        HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.body()).isEqualTo(PDF);
        as(s.thomas).get("/api/messaging/messages/" + id + "/attachments/" + file).then().statusCode(404);
    }

    @Test
    void an_attachment_too_large_or_not_what_it_says_sends_nothing() throws Exception {
        as(s.claire).body(Map.of("fileName", "gros.pdf", "size", 6 * 1024 * 1024, "contentType", "application/pdf",
                        "sha256", "0".repeat(64)))
                .post("/api/messaging/schools/" + s.school + "/attachment-uploads").then().statusCode(413);
        String fake = upload(s.claire, "script.pdf", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "application/pdf");
        as(s.claire).body(Map.of("schoolId", s.school, "subject", "Pièce", "body", "Ci-joint",
                        "to", List.of(to(s.sophie)), "attachmentIds", List.of(fake)))
                .post("/api/messaging/messages").then().statusCode(415);
        as(s.sophie).get("/api/messaging/mailbox").then().body("items", empty());
        as(s.claire).get("/api/messaging/mailbox?box=SENT").then().body("items", empty());
        // Someone else's upload is not one's own to attach.
        String hers = upload(s.karim, "note.pdf", PDF, "application/pdf");
        as(s.claire).body(Map.of("schoolId", s.school, "subject", "Pièce", "body", "Ci-joint",
                        "to", List.of(to(s.sophie)), "attachmentIds", List.of(hers)))
                .post("/api/messaging/messages").then().statusCode(404);
        as(s.isabelle).body(Map.of("fileName", "a.pdf", "size", 10, "contentType", "application/pdf", "sha256", "0".repeat(64)))
                .post("/api/messaging/schools/" + s.school + "/attachment-uploads").then().statusCode(404)
                .body("status", equalTo(404));
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
