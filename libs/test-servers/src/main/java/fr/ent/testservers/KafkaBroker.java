package fr.ent.testservers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Apache Kafka broker (KRaft, single node) in its own JVM, with jars from Maven Central
 * copied by {@code deploy/kafka-dist}. One per test JVM, shared by the test classes of a module.
 * Tests of outages may {@link #stop()} and {@link #start()} it: it comes back on the same port
 * with the same data.
 */
public final class KafkaBroker extends ChildServer {

    private static final List<String> TOOL_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    private static final List<String> BROKER_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static KafkaBroker shared;

    private final Path config;
    private final int port;
    private final int controllerPort;

    private KafkaBroker() {
        super("kafka", "the Kafka broker", "broker.log", Duration.ofSeconds(20));
        this.port = Workspace.freePort();
        this.controllerPort = Workspace.freePort();
        this.config = runDir.resolve("server.properties");
    }

    /** The broker of this JVM, started on first use. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            shared = startFirst(() -> {
                KafkaBroker broker = new KafkaBroker();
                broker.format();
                return broker;
            });
        }
        return shared;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    protected List<String> command() {
        return kafka(BROKER_OPTIONS, "kafka.Kafka", List.of(config.toString()));
    }

    @Override
    protected void awaitReady() {
        waitForPort(port, Duration.ofSeconds(90));
    }

    private void format() {
        writeFile(config, """
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
        Path log = runDir.resolve("format.log");
        Process formatting = launch(kafka(TOOL_OPTIONS, "kafka.tools.StorageTool",
                List.of("format", "-t", clusterId(), "-c", config.toString(), "--ignore-formatted")), log, env -> { });
        if (runToEnd(formatting, Duration.ofSeconds(60), "formatting Kafka storage", log) != 0) {
            throw new IllegalStateException("formatting Kafka storage failed; see " + log);
        }
    }

    private List<String> kafka(List<String> options, String mainClass, List<String> arguments) {
        List<String> withLog = new ArrayList<>(options);
        withLog.add("-Dlog4j2.configurationFile=" + writeLogConfig());
        return java(thisJava(), withLog, ServerJars.KAFKA.classpath(), mainClass, arguments);
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
        if (!Files.exists(file)) {
            writeFile(file, """
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
        return file.toString();
    }
}
