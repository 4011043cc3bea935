package fr.ent.testservers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real S3-compatible server, s3proxy 4.1.0 (jars from Maven Central copied by
 * {@code deploy/s3proxy-dist}), in its own JVM like the {@link KafkaBroker}: the filesystem backend
 * ({@code filesystem-nio2}) and AWS signature checks on (SigV4, so a tampered or expired pre-signed
 * URL is refused as by any S3). One per test JVM, on a free port of 127.0.0.1, stopped when the JVM
 * ends; a killed test JVM leaves nothing behind ({@link ChildServer}).
 */
public final class S3Server extends ChildServer {

    /** Credentials of the test server (SigV4 checks them). */
    public static final String ACCESS_KEY = "ent-test";
    public static final String SECRET_KEY = "ent-test-secret-key";
    /** s3proxy accepts any region in the signature; the clients sign with this one. */
    public static final String REGION = "us-east-1";

    private static S3Server shared;

    private final Path config;
    private final int port;

    private S3Server() {
        super("s3", "s3proxy", "s3proxy.log", Duration.ofSeconds(10));
        this.port = Workspace.freePort();
        this.config = runDir.resolve("s3proxy.conf");
    }

    /** The S3 server of this JVM, started on first use. */
    public static synchronized S3Server shared() {
        if (shared == null) {
            shared = startFirst(() -> {
                S3Server server = new S3Server();
                server.configure();
                return server;
            });
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

    @Override
    protected List<String> command() {
        return java(thisJava(), List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-Dlogback.configurationFile=" + writeLogConfig()),
                ServerJars.S3PROXY.classpath(), "org.gaul.s3proxy.Main", List.of("--properties", config.toString()));
    }

    @Override
    protected void awaitReady() {
        waitForPort(port, Duration.ofSeconds(60));
    }

    /** The same settings as deploy/local's s3proxy.conf, on a free port and this run's folder. */
    private void configure() {
        Workspace.createDirectories(dataDir());
        writeFile(config, """
                s3proxy.endpoint=%s
                s3proxy.authorization=aws-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                jclouds.provider=filesystem-nio2
                jclouds.filesystem.basedir=%s
                """.formatted(endpoint(), ACCESS_KEY, SECRET_KEY, dataDir()));
    }

    private String writeLogConfig() {
        Path file = runDir.resolve("logback.xml");
        writeFile(file, """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %level %logger{0} %msg%n</pattern></encoder>
                  </appender>
                  <logger name="org.gaul.s3proxy" level="INFO"/>
                  <root level="WARN"><appender-ref ref="out"/></root>
                </configuration>
                """);
        return file.toString();
    }
}
