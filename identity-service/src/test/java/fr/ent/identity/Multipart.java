package fr.ent.identity;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.config.EncoderConfig.encoderConfig;

/**
 * A multipart/form-data body of CSV files, sent with a Content-Length as browsers and curl do.
 * (RestAssured's own multiPart() streams it chunked, which the shared body-size route of libs/web
 * buffers and Quarkus REST's multipart reader then waits for: reported to the lead.)
 */
final class Multipart {

    private Multipart() {
    }

    static RequestSpecification files(RequestSpecification spec, Map<String, byte[]> parts) {
        String boundary = "----ent-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach((name, bytes) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + name + ".csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return spec.config(RestAssured.config().encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(out.toByteArray());
    }
}
