package fr.ent.e2e;

import fr.ent.e2e.support.ApiFixtures;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Demo.Person;
import fr.ent.e2e.support.Gateway;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pupil hands in a PDF through the gateway and the teacher downloads it: Claire Martin sets a
 * hand-in for 4A; Léa finds it in her list, uploads a PDF straight to the object storage with the
 * pre-signed URL homework-service gave her, and hands it in; Thomas Petit, whose daughter is in the
 * same class, cannot reach it; Claire sees it handed in, downloads the very bytes (alone and in the
 * class's ZIP), returns feedback that Sophie reads, and closes hand-ins: after that Léa cannot hand
 * in again.
 */
class HomeworkHandInIT {

    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj <<>> endobj\n% " + UUID.randomUUID() + "\ntrailer <<>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private final UUID class4A = Demo.classOf("0750001A", "4A");
    private final Person lea = Demo.person("lea");

    @Test
    void lea_hands_in_a_pdf_and_claire_downloads_it() throws IOException {
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(7);
        String title = "Devoir maison E2E " + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", class4A.toString(), "subject", "MATHS", "title", title,
                "instructions", "Rédiger la démonstration.", "kind", "HAND_IN", "dueOn", due.toString(), "estimatedMinutes", 40));
        String work = Gateway.as("claire").body(body).post("/api/homework/works").then().statusCode(201)
                .extract().path("work.id");
        String base = "/api/homework/works/" + work;

        JsonPath list = Gateway.as("lea").get("/api/homework/pupils/{id}/todo", lea.id()).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("days.subjects.flatten().works.flatten().workId", String.class)).contains(work);

        String file = ApiFixtures.upload("lea", base + "/hand-ins/" + lea.id() + "/uploads", "démonstration.pdf", PDF, "application/pdf");
        Gateway.as("lea").body(Map.of("fileIds", List.of(file))).put(base + "/hand-ins/{p}", lea.id()).then().statusCode(200);

        Gateway.as("thomas").get(base + "/hand-ins/{p}", lea.id()).then().statusCode(404);
        Gateway.as("thomas").get(base + "/hand-ins/{p}/files/{f}", lea.id(), file).then().statusCode(404);

        JsonPath status = Gateway.as("claire").get(base + "/hand-ins").then().statusCode(200).extract().jsonPath();
        assertThat(status.getString("pupils.find { it.pupilId == '" + lea.id() + "' }.state")).isEqualTo("HANDED_IN");
        assertThat(status.getInt("missing")).isGreaterThan(0);

        String link = Gateway.as("claire").get(base + "/hand-ins/{p}/files/{f}", lea.id(), file).then().statusCode(200)
                .extract().path("url");
        HttpResponse<byte[]> downloaded = get(link);
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).isEqualTo(PDF);
        assertThat(downloaded.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

        byte[] zip = Gateway.as("claire").get(base + "/hand-ins.zip").then().statusCode(200).extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).hasSize(1);
        assertThat(entries.keySet().iterator().next()).startsWith("Dubois Léa/");
        assertThat(entries.values().iterator().next()).isEqualTo(PDF);

        Gateway.as("claire").body(Map.of("comment", "Démonstration claire, bravo."))
                .put(base + "/hand-ins/{p}/feedback", lea.id()).then().statusCode(200);
        assertThat((String) Gateway.as("sophie").get(base + "/hand-ins/{p}", lea.id()).then().statusCode(200).extract().path("feedbackComment"))
                .isEqualTo("Démonstration claire, bravo.");

        Gateway.as("claire").post(base + "/close-hand-ins").then().statusCode(200);
        Gateway.as("lea").body(Map.of("fileIds", List.of(file))).put(base + "/hand-ins/{p}", lea.id()).then().statusCode(409);
    }

    private static HttpResponse<byte[]> get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
