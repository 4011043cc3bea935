package fr.ent.testservers;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The S3 server checks signatures: what is not signed with its credentials is refused (libs/files tests the rest). */
class S3ServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void an_unsigned_request_is_refused_before_and_after_a_restart() throws Exception {
        S3Server s3 = S3Server.shared();
        assertThat(s3.endpoint()).isEqualTo("http://127.0.0.1:" + s3.port());
        assertThat(anonymousPut(s3)).isEqualTo(403);

        s3.stop();
        assertThat(s3.isRunning()).isFalse();
        s3.start();

        assertThat(anonymousPut(s3)).isEqualTo(403);
        assertThat(s3.dataDir()).isEmptyDirectory();
    }

    private int anonymousPut(S3Server s3) throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(s3.endpoint() + "/anonymous-bucket"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
