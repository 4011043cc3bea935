package fr.ent.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A server in a JVM of its own (the Kafka broker, the S3 server, Keycloak): one way to start it, wait
 * until it is ready, stop it and leave nothing behind. The child runs its main class through
 * {@link ExitWithParent}, with its standard input an open pipe from this JVM: when this JVM ends in
 * any way the pipe closes and the child halts. Its pid is recorded with {@link Leftovers} while it
 * runs, so that a run killed before its shutdown hook still gets its servers killed by the next.
 * Each subclass says how to launch it ({@link #command()}) and when it is ready ({@link #awaitReady()}).
 */
abstract class ChildServer {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** This run's folder (configuration, data, logs), removed once this JVM is gone. */
    protected final Path runDir;
    private final String kind;
    private final String name;
    private final Path log;
    private final Duration stopGrace;
    private Process process;
    private Duration startTime;

    /**
     * @param kind      short name: the run folder's and the shutdown hook's ({@code kafka}, {@code s3})
     * @param name      what messages call it ({@code the Kafka broker})
     * @param logFile   the server's output, in the run folder
     * @param stopGrace how long {@link #stop()} waits for a clean exit before killing it
     */
    ChildServer(String kind, String name, String logFile, Duration stopGrace) {
        this.kind = kind;
        this.name = name;
        this.runDir = Workspace.runDir(kind);
        this.log = runDir.resolve(logFile);
        this.stopGrace = stopGrace;
    }

    /**
     * The first server of a kind in this JVM: what dead runs left is cleaned first, then the server
     * is created (and prepared) by {@code create}, started, and stopped when this JVM ends.
     */
    static <T extends ChildServer> T startFirst(Supplier<T> create) {
        Leftovers.cleanUpAfterDeadRuns();
        T server = create.get();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-" + ((ChildServer) server).kind));
        return server;
    }

    /** The command that runs the server (see {@link #java}). */
    protected abstract List<String> command();

    /** Returns once the server serves ({@link #waitForPort}, {@link #waitForUrl}). */
    protected abstract void awaitReady();

    /** The server's environment, inherited from this JVM unless changed here. */
    protected void environment(Map<String, String> environment) {
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts (or restarts) the server and waits until it is ready. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        Instant begin = Instant.now();
        process = launch(command(), log, this::environment);
        Leftovers.record(runDir, process.pid());
        awaitReady();
        startTime = Duration.between(begin, Instant.now());
    }

    /** Stops the server as an outage would: clients see it gone until {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
        Leftovers.forget(runDir);
    }

    /** How long the last start took, until ready. */
    public Duration startTime() {
        return startTime;
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** Waits until the server accepts connections on {@code port} of 127.0.0.1. */
    protected void waitForPort(int port, Duration timeout) {
        waitUntil(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, timeout, 100, "open port " + port);
    }

    /** Waits until {@code url} answers 200 (a readiness check: the HTTP port itself may answer 503 early). */
    protected void waitForUrl(URI url, Duration timeout) {
        waitUntil(() -> {
            try {
                return PROBE.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, timeout, 250, "answer 200 on " + url);
    }

    /** Fails at once when the server exits; on timeout stops it and fails, with the end of its log. */
    private void waitUntil(BooleanSupplier ready, Duration timeout, long pauseMillis, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log + "\n" + tail(log));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(pauseMillis);
        }
        stop();
        throw new IllegalStateException(name + " did not " + what + " within " + timeout + "; see " + log + "\n" + tail(log));
    }

    // ----------------------------------------------------------------------------- child JVMs

    /** This JVM's java executable. */
    static String thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code java <options> -cp <classpath> ExitWithParent <mainClass> <arguments>}: the class path
     * must hold this library ({@link #ownLocation()}, or a {@link ServerJars} class path).
     */
    static List<String> java(String java, List<String> options, String classpath, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.add("-cp");
        command.add(classpath);
        command.add(ExitWithParent.class.getName());
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /** Starts {@code command} with its output appended to {@code log} and its standard input an open pipe. */
    static Process launch(List<String> command, Path log, Consumer<Map<String, String>> environment) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        environment.accept(builder.environment());
        try {
            // stdin stays an open pipe: when this JVM dies it closes and ExitWithParent halts the child.
            return builder.start();
        } catch (IOException e) {
            int main = command.indexOf(ExitWithParent.class.getName()) + 1;
            throw new UncheckedIOException("cannot launch " + command.get(main), e);
        }
    }

    /** Runs a one-off child (formatting storage, building a distribution) to its end; its exit value. */
    static int runToEnd(Process child, Duration timeout, String what, Path log) {
        try {
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                throw new IllegalStateException(what + " took more than " + timeout + "; see " + log);
            }
            return child.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    /** Where this library's classes are (a jar, or target/classes): {@link ExitWithParent} runs from there. */
    static String ownLocation() {
        try {
            return Path.of(ExitWithParent.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The last 30 lines of a log, for failure messages. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    static void writeFile(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
