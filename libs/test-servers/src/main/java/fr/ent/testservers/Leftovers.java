package fr.ent.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Cleans what a crashed test JVM left behind. Every server started here is recorded as
 * {@code pids/<ownerPid>-<name>-<n>.pid} and its files live in {@code runs/<ownerPid>-<name>-<n>}; when the
 * owner JVM is no longer alive, the next run kills the process and deletes the files, so no broker
 * or database from a killed run keeps a port or disk space.
 */
final class Leftovers {

    private static final Object LOCK = new Object();
    private static boolean cleaned;

    private Leftovers() {
    }

    /** Records the server running from {@code runDir} (a {@link Workspace#runDir}). */
    static void record(Path runDir, long serverPid) {
        write(pidFile(runDir), Long.toString(serverPid));
    }

    static void forget(Path runDir) {
        try {
            Files.deleteIfExists(pidFile(runDir));
        } catch (IOException ignored) {
            // a stale pid file is cleaned by the next run
        }
    }

    /** Once per JVM: kill servers and delete files of owners that died. */
    static void cleanUpAfterDeadRuns() {
        synchronized (LOCK) {
            if (cleaned) {
                return;
            }
            cleaned = true;
            Path pids = Workspace.createDirectories(Workspace.cacheDir().resolve("pids"));
            try (Stream<Path> files = Files.list(pids)) {
                files.filter(f -> !ownerAlive(f)).forEach(Leftovers::killAndForget);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path runs = Workspace.createDirectories(Workspace.cacheDir().resolve("runs"));
            try (Stream<Path> dirs = Files.list(runs)) {
                dirs.filter(d -> !ownerAlive(d)).forEach(Leftovers::deleteTree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a later run tries again
        }
    }

    private static Path pidFile(Path runDir) {
        return Workspace.cacheDir().resolve("pids").resolve(runDir.getFileName() + ".pid");
    }

    private static boolean ownerAlive(Path file) {
        String name = file.getFileName().toString();
        int dash = name.indexOf('-');
        if (dash <= 0) {
            return false;
        }
        try {
            long owner = Long.parseLong(name.substring(0, dash));
            return ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void killAndForget(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> server = ProcessHandle.of(pid);
            server.ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException ignored) {
            // unreadable: leave it, it names nothing we can kill
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
