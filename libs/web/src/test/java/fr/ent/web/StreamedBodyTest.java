package fr.ent.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chunked bodies (no Content-Length: what the gateway forwards when the client streams) are read as
 * a stream within {@code quarkus.http.limits.max-body-size} (4 KiB here): a multipart form keeps its
 * file, a raw stream arrives whole, and past the limit the answer is a 413 problem as soon as the
 * limit is crossed, without the rest of the body being read.
 */
@QuarkusTest
class StreamedBodyTest {

    static final String PROBLEM = "application/problem+json";
    static final String BOUNDARY = "ent-boundary-7d1f";

    @TestHTTPResource("/")
    URL url;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void a_chunked_multipart_upload_within_the_limit_keeps_its_file() throws Exception {
        HttpResponse<String> answer = chunked("api/uploads/form", "multipart/form-data; boundary=" + BOUNDARY,
                multipart(new byte[3000]));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("justificatif.pdf:3000:bonjour");
    }

    @Test
    void a_chunked_multipart_upload_over_the_limit_is_a_413_problem() throws Exception {
        HttpResponse<String> answer = chunked("api/uploads/form", "multipart/form-data; boundary=" + BOUNDARY,
                multipart(new byte[8000]));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(answer.body()).contains("\"status\":413").contains("4096 bytes");
    }

    @Test
    void a_chunked_raw_stream_within_the_limit_arrives_whole_and_one_over_it_is_a_413_problem() throws Exception {
        HttpResponse<String> within = chunked("api/uploads/raw", "application/octet-stream", new byte[4000]);
        assertThat(within.statusCode()).isEqualTo(200);
        assertThat(within.body()).isEqualTo("4000");

        HttpResponse<String> over = chunked("api/uploads/raw", "application/octet-stream", new byte[20_000]);
        assertThat(over.statusCode()).isEqualTo(413);
        assertThat(over.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(over.body()).contains("\"type\":\"https://ent.example/problems/payload-too-large\"")
                .contains("exceeds the limit of 4096 bytes");
    }

    @Test
    void past_the_limit_the_413_comes_while_the_client_is_still_sending_and_the_connection_is_closed() throws Exception {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/uploads/raw HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // 16 KiB of a body that would never end: the server must answer without waiting for the end
            for (int i = 0; i < 4; i++) {
                out.write("1000\r\n".getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[4096]);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            String answer = readUntilClosed(socket.getInputStream(), Duration.ofSeconds(10));
            assertThat(answer).startsWith("HTTP/1.1 413").containsIgnoringCase("connection: close")
                    .contains("payload-too-large").doesNotContain("[connection still open]");
        }
    }

    private HttpResponse<String> chunked(String path, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", contentType)
                // an InputStream publisher has no known length: the client sends it chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nbonjour\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"justificatif.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        Arrays.fill(file, (byte) 'a');
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String readUntilClosed(InputStream in, Duration timeout) throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        Instant deadline = Instant.now().plus(timeout);
        byte[] buffer = new byte[4096];
        int n;
        try {
            while (Instant.now().isBefore(deadline) && (n = in.read(buffer)) >= 0) {
                answer.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException notClosed) {
            answer.writeBytes("\n[connection still open]".getBytes(StandardCharsets.US_ASCII));
        }
        return answer.toString(StandardCharsets.UTF_8);
    }
}
