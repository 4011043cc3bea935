package fr.ent.attendance;

import fr.ent.testkit.PresignedUrls;
import java.util.Map;

import static fr.ent.attendance.World.as;

/** A guardian's attachment the way a client sends it: ask for a pre-signed upload, PUT the bytes to S3. */
final class Uploads {

    private Uploads() {
    }

    /** Asks for the upload (the answer, to check its status) */
    static io.restassured.response.ValidatableResponse offer(String token, String entryId, String name, long size,
                                                             String type, String sha256) {
        return as(token).body(Map.of("fileName", name, "size", size, "contentType", type, "sha256", sha256))
                .post("/api/attendance/entries/" + entryId + "/justification-uploads").then();
    }

    /** Offer then PUT: the file id to name in the justification. */
    static String upload(String token, String entryId, String name, byte[] content, String type) {
        return upload(token, entryId, name, content, type, PresignedUrls.sha256(content));
    }

    static String upload(String token, String entryId, String name, byte[] content, String type, String declaredSha256) {
        var offer = offer(token, entryId, name, content.length, type, declaredSha256).statusCode(201).extract();
        int status = PresignedUrls.put(offer.path("url"), offer.path("headers.Content-Type"), content);
        if (status != 200) {
            throw new AssertionError("the S3 server refused the pre-signed PUT: " + status);
        }
        return offer.path("fileId");
    }

}
