package fr.ent.files;

import fr.ent.files.testapp.ClosingS3Proxy;
import fr.ent.files.testapp.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static fr.ent.files.FileStorageTest.JUSTIFICATION;
import static fr.ent.files.FileStorageTest.PDF;
import static org.assertj.core.api.Assertions.assertThat;

/** A file the service writes itself survives an S3 connection closed under it (the report cards' case). */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(value = ClosingS3Proxy.class, restrictToAnnotatedClass = true)
class StaleConnectionTest {

    @Inject
    FileStorage files;

    @Test
    void a_put_whose_connection_is_closed_under_it_is_sent_again_and_stored_once() throws Exception {
        UUID school = UUID.randomUUID();
        files.store(JUSTIFICATION, school, UUID.randomUUID(), "avant.pdf", PDF); // a kept-alive connection now

        System.setProperty(ClosingS3Proxy.CLOSE_NEXT, "true");
        StoredFile stored = files.store(JUSTIFICATION, school, UUID.randomUUID(), "bulletin.pdf", PDF);

        assertThat(System.getProperty(ClosingS3Proxy.CLOSE_NEXT)).as("the first try met the closed connection").isNull();
        assertThat(stored.confirmed()).isTrue();
        try (var body = files.open(stored.id())) {
            assertThat(body.readAllBytes()).isEqualTo(PDF);
        }
    }
}
