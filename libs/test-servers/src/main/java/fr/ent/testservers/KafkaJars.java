package fr.ent.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The broker's class path: the jars copied by deploy/kafka-dist, plus this library for {@link ExitWithParent}. */
final class KafkaJars {

    private KafkaJars() {
    }

    static synchronized String classpath() {
        Path root = Workspace.repositoryRoot();
        Path lib = root.resolve("deploy/kafka-dist/target/lib");
        if (!hasJars(lib)) {
            copyJars(root);
        }
        return lib + "/*" + java.io.File.pathSeparator + ownLocation();
    }

    private static boolean hasJars(Path lib) {
        try (var files = Files.list(lib)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("kafka_2.13"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A single module run (mvn -pl x) may not have built deploy/kafka-dist: build it now. */
    private static void copyJars(Path root) {
        try {
            Process p = new ProcessBuilder(root.resolve("mvnw").toString(), "-q", "-B",
                    "-f", root.resolve("deploy/kafka-dist/pom.xml").toString(), "generate-resources")
                    .inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("could not copy the Kafka broker jars (deploy/kafka-dist)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(ExitWithParent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
