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
 * A real Apache Kafka broker (KRaft, single node) in its own JVM, with jars from Maven Central
 * copied by {@code deploy/kafka-dist}. One per test JVM, shared by the test classes of a module.
 * Tests of outages may {@link #stop()} and {@link #start()} it: it comes back on the same port
 * with the same data.
 */
public final class KafkaBroker {

    private static KafkaBroker shared;

    private final Path runDir;
    private final Path config;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker() {
        this.runDir = Workspace.runDir("kafka");
        this.port = Workspace.freePort();
        this.controllerPort = Workspace.freePort();
        this.config = runDir.resolve("server.properties");
    }

    /** The broker of this JVM, started on first use. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            Leftovers.cleanUpAfterDeadRuns();
            KafkaBroker broker = new KafkaBroker();
            broker.format();
            broker.start();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "stop-kafka"));
            shared = broker;
        }
        return shared;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts (or restarts) the broker and waits until it accepts connections. */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        process = launch(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "kafka.Kafka", config.toString(), runDir.resolve("broker.log"));
        Leftovers.record(runDir, process.pid());
        waitForPort(Duration.ofSeconds(90));
    }

    /** Stops the broker as an outage would: clients see it gone until {@link #start()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
        Leftovers.forget(runDir);
    }

    private void format() {
        try {
            Files.writeString(config, """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@127.0.0.1:%2$d
                    listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                    advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=PLAINTEXT
                    listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                    log.dirs=%3$s
                    num.partitions=3
                    auto.create.topics.enable=true
                    offsets.topic.replication.factor=1
                    offsets.topic.num.partitions=5
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    share.coordinator.state.topic.replication.factor=1
                    share.coordinator.state.topic.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(port, controllerPort, runDir.resolve("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process formatting = launch(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                "kafka.tools.StorageTool", null, runDir.resolve("format.log"));
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                formatting.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage failed; see " + runDir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process launch(List<String> jvmOptions, String mainClass, String serverConfig, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + writeLogConfig());
        command.add("-cp");
        command.add(ServerJars.KAFKA.classpath());
        command.add(ExitWithParent.class.getName());
        command.add(mainClass);
        if (serverConfig != null) {
            command.add(serverConfig);
        } else {
            command.addAll(List.of("format", "-t", clusterId(), "-c", config.toString(), "--ignore-formatted"));
        }
        try {
            // stdin stays an open pipe: when this JVM dies it closes and the broker halts.
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + mainClass, e);
        }
    }

    /**
     * Kafka's cluster ids are 16 random bytes in URL-safe base64. One that starts with '-' would be
     * read as an option by the storage tool, so draw again.
     */
    private static String clusterId() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private String writeLogConfig() {
        Path file = runDir.resolve("log4j2.properties");
        try {
            if (!Files.exists(file)) {
                Files.writeString(file, """
                        rootLogger.level=WARN
                        rootLogger.appenderRef.out.ref=out
                        appender.out.type=Console
                        appender.out.name=out
                        appender.out.layout.type=PatternLayout
                        appender.out.layout.pattern=%d %p %c{1} %m%n
                        logger.kafka.name=kafka.server.KafkaRaftServer
                        logger.kafka.level=INFO
                        """);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    private void waitForPort(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited; see " + runDir.resolve("broker.log"));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("the Kafka broker did not open port " + port + " in " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
