package fr.ent.testservers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * {@code @QuarkusTestResource(S3Resource.class)}: starts (once per JVM) the real S3 server and
 * points the service's S3 client (libs/files, quarkus-amazon-s3) at it, path-style, with its
 * credentials. Pre-signed URLs then name the same endpoint.
 */
public class S3Resource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        S3Server s3 = S3Server.shared();
        return Map.of(
                "quarkus.s3.endpoint-override", s3.endpoint(),
                "quarkus.s3.aws.region", S3Server.REGION,
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", S3Server.ACCESS_KEY,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", S3Server.SECRET_KEY,
                "ent.files.public-endpoint", s3.endpoint());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM: the server stops when the JVM ends.
    }
}
