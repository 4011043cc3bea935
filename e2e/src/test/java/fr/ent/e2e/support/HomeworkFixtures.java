package fr.ent.e2e.support;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Jean Moulin's homework as the generated suites need it, made through the API the first time and
 * found again afterwards: {@code homeworkLogEntry}, Claire Martin's published "E2E Fixture" maths
 * entry of 4A's cahier de textes (with {@code homeworkLogAttachment}); {@code homeworkWork}, her
 * "E2E Fixture" HAND_IN work for the whole of 4A (with {@code homeworkWorkAttachment}), which Léa
 * handed in ({@code homeworkHandInFile}); {@code homeworkLogEntryToDelete} and
 * {@code homeworkWorkToClose}, made afresh for the operations that end them.
 */
final class HomeworkFixtures {

    static final String TITLE = "E2E Fixture";
    /** The smallest PDF the platform's content check accepts. */
    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private HomeworkFixtures() {
    }

    static void add(ApiFixtures f, UUID class4A) {
        LocalDate today = LocalDate.parse(f.value("today"));
        String attachments = "/api/homework/classes/" + class4A + "/attachment-uploads";
        var log = Gateway.as("claire").queryParam("from", today.minusDays(100).toString()).queryParam("to", today.plusDays(100).toString())
                .get("/api/homework/classes/{id}/log", class4A).then().statusCode(200).extract().jsonPath();
        String entry = log.getString("find { it.title == '" + TITLE + "' }.id");
        if (entry == null) {
            String file = ApiFixtures.upload("claire", attachments, "cours.pdf", PDF, "application/pdf");
            entry = ApiFixtures.made("homework log entry", Gateway.as("claire").body(Map.of("classGroupId", class4A.toString(),
                    "subject", "MATHS", "lessonOn", today.toString(), "title", TITLE, "content", "Fixture of the authorization suite.",
                    "attachmentIds", List.of(file))).post("/api/homework/log-entries"));
        }
        String entryId = entry;
        f.put("homeworkLogEntry", entryId);
        f.put("homeworkLogAttachment", Gateway.as("claire").get("/api/homework/log-entries/{id}", entryId).then().statusCode(200)
                .extract().path("attachments[0].id"));

        var works = Gateway.as("claire").queryParam("from", today.toString()).queryParam("to", today.plusDays(60).toString())
                .get("/api/homework/classes/{id}/works", class4A).then().statusCode(200).extract().jsonPath();
        String work = works.getString("find { it.title == '" + TITLE + "' && it.handInsClosedAt == null }.id");
        if (work == null) {
            String file = ApiFixtures.upload("claire", attachments, "sujet.pdf", PDF, "application/pdf");
            work = Gateway.as("claire").body(work(class4A, TITLE, today.plusDays(30), List.of(file))).post("/api/homework/works")
                    .then().statusCode(201).extract().path("work.id");
        }
        String workId = work;
        f.put("homeworkWork", workId);
        f.put("homeworkWorkAttachment", Gateway.as("claire").get("/api/homework/works/{id}", workId).then().statusCode(200)
                .extract().path("attachments[0].id"));
        String lea = f.value("lea");
        String handedIn = Gateway.as("lea").get("/api/homework/works/{w}/hand-ins/{p}", workId, lea).then().extract()
                .path("files[0].id");
        if (handedIn == null) {
            handedIn = ApiFixtures.upload("lea", "/api/homework/works/" + workId + "/hand-ins/" + lea + "/uploads", "copie.pdf", PDF,
                    "application/pdf");
            Gateway.as("lea").body(Map.of("fileIds", List.of(handedIn))).put("/api/homework/works/{w}/hand-ins/{p}", workId, lea)
                    .then().statusCode(200);
        }
        f.put("homeworkHandInFile", handedIn);
        f.putFresh("homeworkLogEntryToDelete", () -> ApiFixtures.made("homework log entry to delete", Gateway.as("claire")
                .body(Map.of("classGroupId", class4A.toString(), "subject", "MATHS", "lessonOn", today.toString(),
                        "title", "E2E à supprimer", "content", "-")).post("/api/homework/log-entries")));
        f.putFresh("homeworkWorkToClose", () -> Gateway.as("claire").body(work(class4A, "E2E à clore", today.plusDays(30), List.of()))
                .post("/api/homework/works").then().statusCode(201).extract().path("work.id"));
    }

    private static Map<String, Object> work(UUID class4A, String title, LocalDate due, List<String> files) {
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", class4A.toString(), "subject", "MATHS", "title", title,
                "instructions", "Fixture of the authorization suite.", "kind", "HAND_IN", "dueOn", due.toString(),
                "estimatedMinutes", 30));
        body.put("attachmentIds", files);
        return body;
    }
}
