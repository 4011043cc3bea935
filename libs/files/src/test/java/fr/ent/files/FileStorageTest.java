package fr.ent.files;

import fr.ent.files.testapp.TestDatabase;
import fr.ent.testservers.S3Resource;
import fr.ent.testservers.S3Server;
import fr.ent.web.clock.PlatformClock;
import fr.ent.web.problem.ProblemException;
import fr.ent.web.problem.TransientFailure;
import fr.ent.web.jdbc.Jdbc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(value = S3Resource.class, restrictToAnnotatedClass = true)
class FileStorageTest {

    static final FilePolicy JUSTIFICATION = new FilePolicy("justification", 64 * 1024, FileType.PDF, FileType.PNG, FileType.JPEG);
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Inject
    FileStorage files;

    @Inject
    PlatformClock clock;

    @Inject
    Jdbc jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    final UUID school = UUID.randomUUID();
    final UUID parent = UUID.randomUUID();

    @AfterEach
    void clockBack() {
        clock.reset();
    }

    @Test
    void a_pdf_uploaded_and_confirmed_is_downloaded_as_an_attachment_then_the_link_expires() throws Exception {
        UploadOffer offer = files.offerUpload(JUSTIFICATION, request("certificat médical.pdf", PDF, "application/pdf"));
        assertThat(offer.method()).isEqualTo("PUT");
        assertThat(offer.url()).startsWith(S3Server.shared().endpoint() + "/" + files.bucket() + "/" + school + "/" + offer.fileId());
        assertThat(put(offer, PDF)).isEqualTo(200);

        StoredFile file = files.confirm(JUSTIFICATION, offer.fileId(), parent);
        assertThat(file.confirmed()).isTrue();
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.size()).isEqualTo(PDF.length);
        assertThat(file.sha256()).isEqualTo(sha256(PDF));
        assertThat(file.fileName()).isEqualTo("certificat médical.pdf");
        assertThat(file.schoolId()).isEqualTo(school);
        // confirming again is harmless
        assertThat(files.confirm(JUSTIFICATION, offer.fileId(), parent)).isEqualTo(file);

        Download download = files.download(file.id());
        HttpResponse<byte[]> got = get(download.url());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(PDF);
        assertThat(got.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"certificat medical.pdf\"")
                .contains("filename*=UTF-8''certificat%20m%C3%A9dical.pdf");
        assertThat(got.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");

        // ent.files.download-expiry is 3 s in these tests: the same link is refused afterwards
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(download.url()).statusCode() == 403);
    }

    @Test
    void an_upload_larger_than_the_policy_or_of_a_type_it_refuses_is_refused_before_anything_is_written() {
        long before = countFiles();
        assertThatThrownBy(() -> files.offerUpload(JUSTIFICATION,
                new UploadRequest(school, parent, "big.pdf", 64 * 1024 + 1, "application/pdf", sha256(PDF))))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(413);
                    assertThat(p.detail()).contains("64 Ko");
                });
        assertThatThrownBy(() -> files.offerUpload(JUSTIFICATION,
                new UploadRequest(school, parent, "notes.docx", 100, FileType.DOCX.mediaType(), sha256(PDF))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(415));
        assertThatThrownBy(() -> files.offerUpload(JUSTIFICATION,
                new UploadRequest(school, parent, "x.pdf", 100, "application/pdf", "not-a-digest")))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
        assertThat(countFiles()).isEqualTo(before);
    }

    @Test
    void s3_refuses_a_put_of_another_length_or_type_than_the_signed_ones() throws Exception {
        UploadOffer offer = files.offerUpload(JUSTIFICATION, request("a.pdf", PDF, "application/pdf"));
        byte[] longer = (new String(PDF, StandardCharsets.US_ASCII) + "more").getBytes(StandardCharsets.US_ASCII);
        assertThat(put(offer.url(), "application/pdf", longer)).isEqualTo(403);
        assertThat(put(offer.url(), "text/plain", PDF)).isEqualTo(403);
        assertThat(put(offer, PDF)).isEqualTo(200);
    }

    @Test
    void a_fake_pdf_is_refused_by_its_content_and_deleted() throws Exception {
        byte[] fake = "this is not a pdf, whatever its name says".getBytes(StandardCharsets.US_ASCII);
        UploadOffer offer = files.offerUpload(JUSTIFICATION, request("fake.pdf", fake, "application/pdf"));
        assertThat(put(offer, fake)).isEqualTo(200);
        assertThat(objectFile(offer)).exists();

        assertThatThrownBy(() -> files.confirm(JUSTIFICATION, offer.fileId(), parent))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(415);
                    assertThat(p.slug()).isEqualTo("file-type");
                });
        assertThat(files.find(offer.fileId())).isEmpty();
        assertThat(objectFile(offer)).doesNotExist();
    }

    @Test
    void content_whose_checksum_is_not_the_declared_one_is_refused_and_deleted() throws Exception {
        byte[] other = PDF.clone();
        other[other.length - 2] = 'X';
        UploadOffer offer = files.offerUpload(JUSTIFICATION,
                new UploadRequest(school, parent, "a.pdf", PDF.length, "application/pdf", sha256(PDF)));
        assertThat(put(offer, other)).isEqualTo(200);

        assertThatThrownBy(() -> files.confirm(JUSTIFICATION, offer.fileId(), parent))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(422);
                    assertThat(p.slug()).isEqualTo("checksum-mismatch");
                });
        assertThat(files.find(offer.fileId())).isEmpty();
        assertThat(objectFile(offer)).doesNotExist();
    }

    @Test
    void an_upload_is_confirmed_only_by_its_owner_for_its_purpose_and_once_its_bytes_are_there() throws Exception {
        UploadOffer offer = files.offerUpload(JUSTIFICATION, request("a.pdf", PDF, "application/pdf"));
        assertThatThrownBy(() -> files.confirm(JUSTIFICATION, offer.fileId(), parent))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(409));
        assertThat(put(offer, PDF)).isEqualTo(200);

        assertThatThrownBy(() -> files.confirm(JUSTIFICATION, offer.fileId(), UUID.randomUUID()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        FilePolicy homework = new FilePolicy("hand-in", 64 * 1024, FileType.PDF);
        assertThatThrownBy(() -> files.confirm(homework, offer.fileId(), parent))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThatThrownBy(() -> files.download(offer.fileId()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));

        assertThat(files.confirm(JUSTIFICATION, offer.fileId(), parent).confirmed()).isTrue();
    }

    @Test
    void an_unconfirmed_upload_expires_and_the_sweep_deletes_its_bytes_and_metadata() throws Exception {
        UploadOffer kept = files.offerUpload(JUSTIFICATION, request("kept.pdf", PDF, "application/pdf"));
        put(kept, PDF);
        files.confirm(JUSTIFICATION, kept.fileId(), parent);
        UploadOffer forgotten = files.offerUpload(JUSTIFICATION, request("forgotten.pdf", PDF, "application/pdf"));
        assertThat(put(forgotten, PDF)).isEqualTo(200);

        assertThat(files.sweepUnconfirmed(100)).as("nothing has expired yet").isZero();
        clock.set(clock.instant().plus(Duration.ofMinutes(11)));   // upload-expiry is 10 min here

        assertThatThrownBy(() -> files.confirm(JUSTIFICATION, forgotten.fileId(), parent))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
        assertThat(files.sweepUnconfirmed(100)).isGreaterThanOrEqualTo(1);
        assertThat(files.find(forgotten.fileId())).isEmpty();
        assertThat(objectFile(forgotten)).doesNotExist();
        // a confirmed file is not touched by the sweep
        assertThat(files.find(kept.fileId())).isPresent();
        assertThat(objectFile(kept)).exists();
        assertThat(get(files.download(kept.fileId()).url()).body()).isEqualTo(PDF);
    }

    @Test
    void an_unreachable_s3_server_is_a_transient_failure_and_the_upload_confirms_once_it_is_back() throws Exception {
        UploadOffer offer = files.offerUpload(JUSTIFICATION, request("a.pdf", PDF, "application/pdf"));
        assertThat(put(offer, PDF)).isEqualTo(200);
        S3Server.shared().stop();
        try {
            // libs/web answers such a failure 503 with Retry-After, never 500
            assertThatThrownBy(() -> files.confirm(JUSTIFICATION, offer.fileId(), parent))
                    .satisfies(e -> assertThat(TransientFailure.isTransient(e)).as(e.toString()).isTrue());
        } finally {
            S3Server.shared().start();
        }
        assertThat(files.confirm(JUSTIFICATION, offer.fileId(), parent).confirmed()).isTrue();
    }

    @Test
    void a_file_the_service_holds_is_stored_confirmed_and_checked_like_an_upload() throws Exception {
        StoredFile stored = files.store(JUSTIFICATION, school, parent, "ancien justificatif", PDF);
        assertThat(stored.confirmed()).isTrue();
        assertThat(stored.fileName()).isEqualTo("ancien justificatif.pdf");
        assertThat(stored.sha256()).isEqualTo(sha256(PDF));
        assertThat(get(files.download(stored.id()).url()).body()).isEqualTo(PDF);
        try (java.io.InputStream in = files.open(stored.id())) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        long before = countFiles();
        assertThatThrownBy(() -> files.store(JUSTIFICATION, school, parent, "x.pdf", "not a pdf".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(415));
        assertThatThrownBy(() -> files.store(JUSTIFICATION, school, parent, "big.pdf", java.util.Arrays.copyOf(PDF, 64 * 1024 + 1)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(413));
        assertThat(countFiles()).isEqualTo(before);
    }

    @Test
    void delete_removes_bytes_and_metadata() throws Exception {
        UploadOffer offer = files.offerUpload(JUSTIFICATION, request("a.pdf", PDF, "application/pdf"));
        put(offer, PDF);
        files.confirm(JUSTIFICATION, offer.fileId(), parent);
        files.delete(offer.fileId());
        assertThat(files.find(offer.fileId())).isEmpty();
        assertThat(objectFile(offer)).doesNotExist();
    }

    // --- helpers

    private UploadRequest request(String name, byte[] content, String type) {
        return new UploadRequest(school, parent, name, content.length, type, sha256(content));
    }

    private int put(UploadOffer offer, byte[] body) throws Exception {
        return put(offer.url(), offer.headers().get("Content-Type"), body);
    }

    private int put(String url, String contentType, byte[] body) throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The filesystem backend keeps each object as a file: bucket/school/id. */
    private Path objectFile(UploadOffer offer) {
        return S3Server.shared().dataDir().resolve(files.bucket()).resolve(school.toString()).resolve(offer.fileId().toString());
    }

    private long countFiles() {
        List<Long> n = jdbc.query("select count(*) from ent_file", rs -> rs.getLong(1));
        return n.get(0);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused")
    private static boolean exists(Path p) {
        return Files.exists(p);
    }
}
