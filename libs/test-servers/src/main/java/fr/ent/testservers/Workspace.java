package fr.ent.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test servers keep their files, and how they find the repository. */
final class Workspace {

    private Workspace() {
    }

    /** Survives between runs so that binaries are extracted once; one per user (root and others differ). */
    static Path cacheDir() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ent-test-servers-" + System.getProperty("user.name"));
        return createDirectories(dir);
    }

    /**
     * A fresh directory for one run of one server, removed when its owner JVM is gone. Unique even
     * within a JVM: Quarkus loads test resources again for each test profile.
     */
    static Path runDir(String server) {
        String unique = Long.toString(System.nanoTime() & 0xffffffL, 36);
        return createDirectories(cacheDir().resolve("runs").resolve(ProcessHandle.current().pid() + "-" + server + "-" + unique));
    }

    /**
     * The repository root: {@code -Dent.root} (set by the parent pom for Maven runs), else the
     * nearest folder above the working directory that holds the root pom of this project.
     */
    static Path repositoryRoot() {
        String configured = System.getProperty("ent.root");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured, "deploy"))) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/kafka-dist/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the repository root above " + Path.of("").toAbsolutePath()
                + "; set -Dent.root=<path of the clone>");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
