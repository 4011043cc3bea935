package fr.ent.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The class path of a server that runs in its own JVM: the jars a {@code deploy/<x>-dist} module
 * copies from Maven Central to its {@code target/lib}, plus this library for {@link ExitWithParent}.
 * One way for every such server (the Kafka broker, the S3 server).
 */
final class ServerJars {

    /** The Kafka broker (deploy/kafka-dist). */
    static final ServerJars KAFKA = new ServerJars("deploy/kafka-dist", "kafka_2.13");
    /** The S3 server, s3proxy (deploy/s3proxy-dist). */
    static final ServerJars S3PROXY = new ServerJars("deploy/s3proxy-dist", "s3proxy-");

    private final String module;
    private final String markerJar;

    private ServerJars(String module, String markerJar) {
        this.module = module;
        this.markerJar = markerJar;
    }

    synchronized String classpath() {
        Path root = Workspace.repositoryRoot();
        Path lib = root.resolve(module).resolve("target/lib");
        if (!hasJars(lib)) {
            copyJars(root);
        }
        return lib + "/*" + java.io.File.pathSeparator + ChildServer.ownLocation();
    }

    private boolean hasJars(Path lib) {
        try (var files = Files.list(lib)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith(markerJar));
        } catch (IOException e) {
            return false;
        }
    }

    /** A single module run (mvn -pl x) may not have built the dist module: build it now. */
    private void copyJars(Path root) {
        generateResources(root, module, Duration.ofMinutes(10), "could not copy the server jars (" + module + ")");
    }

    /** Runs {@code generate-resources} of a {@code deploy/<x>-dist} module, with this clone's Maven Wrapper. */
    static void generateResources(Path root, String module, Duration timeout, String failure) {
        try {
            Process p = new ProcessBuilder(root.resolve("mvnw").toString(), "-q", "-B",
                    "-f", root.resolve(module).resolve("pom.xml").toString(), "generate-resources")
                    .inheritIO().start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(failure);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
