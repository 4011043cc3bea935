package fr.ent.testservers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server, s3proxy 4.1.0 (jars from Maven Central copied by
 * {@code deploy/s3proxy-dist}), in its own JVM like the {@link KafkaBroker}: the filesystem backend
 * ({@code filesystem-nio2}) and AWS signature checks on (SigV4, so a tampered or expired pre-signed
 * URL is refused as by any S3). One per test JVM, on a free port of 127.0.0.1, stopped when the JVM
 * ends; a killed test JVM leaves nothing behind ({@link ExitWithParent}, {@link Leftovers}).
 */
public final class S3Server {

    /** Credentials of the test server (SigV4 checks them). */
    public static final String ACCESS_KEY = "ent-test";
    public static final String SECRET_KEY = "ent-test-secret-key";
    /** s3proxy accepts any region in the signature; the clients sign with this one. */
    public static final String REGION = "us-east-1";

    private static S3Server shared;

    private final Path runDir;
    private final Path config;
    private final int port;
    private Process process;

    private S3Server() {
        this.runDir = Workspace.runDir("s3");
        this.port = Workspace.freePort();
        this.config = runDir.resolve("s3proxy.conf");
    }

    /** The S3 server of this JVM, started on first use. */
    public static synchronized S3Server shared() {
        if (shared == null) {
            Leftovers.cleanUpAfterDeadRuns();
            S3Server server = new S3Server();
            server.configure();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-s3"));
            shared = server;
        }
        return shared;
    }

    /** {@code http://127.0.0.1:<port>}: path-style S3 endpoint. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Where the buckets live on disk (one folder per bucket, one file per object). */
    public Path dataDir() {
        return runDir.resolve("data");
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts (or restarts) the server and waits until it accepts connections. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.add("-Dlogback.configurationFile=" + writeLogConfig());
        command.add("-cp");
        command.add(ServerJars.S3PROXY.classpath());
        command.add(ExitWithParent.class.getName());
        command.addAll(List.of("org.gaul.s3proxy.Main", "--properties", config.toString()));
        try {
            // stdin stays an open pipe: when this JVM dies it closes and the server halts.
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve("s3proxy.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch s3proxy", e);
        }
        Leftovers.record(runDir, process.pid());
        waitForPort(Duration.ofSeconds(60));
    }

    /** Stops the server as an outage would: clients see it gone until {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
        Leftovers.forget(runDir);
    }

    /** The same settings as deploy/local's s3proxy.conf, on a free port and this run's folder. */
    private void configure() {
        try {
            Files.createDirectories(dataDir());
            Files.writeString(config, """
                    s3proxy.endpoint=%s
                    s3proxy.authorization=aws-v4
                    s3proxy.identity=%s
                    s3proxy.credential=%s
                    jclouds.provider=filesystem-nio2
                    jclouds.filesystem.basedir=%s
                    """.formatted(endpoint(), ACCESS_KEY, SECRET_KEY, dataDir()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String writeLogConfig() {
        Path file = runDir.resolve("logback.xml");
        try {
            Files.writeString(file, """
                    <configuration>
                      <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d %level %logger{0} %msg%n</pattern></encoder>
                      </appender>
                      <logger name="org.gaul.s3proxy" level="INFO"/>
                      <root level="WARN"><appender-ref ref="out"/></root>
                    </configuration>
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private void waitForPort(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited; see " + runDir.resolve("s3proxy.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("s3proxy did not open port " + port + " in " + timeout);
    }
}
