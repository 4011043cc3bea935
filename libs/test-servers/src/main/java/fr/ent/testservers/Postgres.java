package fr.ent.testservers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * A real PostgreSQL server (binaries from Maven Central), one per test JVM, shared by every test
 * class of a module and stopped when the JVM ends. Each caller asks for a database by name.
 */
public final class Postgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static Postgres shared;

    private final Path runDir = Workspace.runDir("postgres");
    private final int port = Workspace.freePort();
    private volatile EmbeddedPostgres server;
    private final Set<String> databases = new HashSet<>();

    private Postgres() {
        this.server = start(runDir, port);
    }

    /** The server of this JVM, started on first use. */
    public static synchronized Postgres shared() {
        if (shared == null) {
            Leftovers.cleanUpAfterDeadRuns();
            shared = new Postgres();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stopForGood, "stop-postgres"));
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server as an outage would (fast shutdown: open sessions are cut), keeping its data
     * and port; {@link #start()} brings it back. For tests of what a service does while its
     * database is down. Other test classes of the JVM share this server: restart it in a finally.
     */
    public synchronized void stop() {
        EmbeddedPostgres running = server;
        if (running == null) {
            return;
        }
        server = null;
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop the embedded PostgreSQL server", e);
        }
    }

    /** Starts the server stopped by {@link #stop()} again, same data, same port. */
    public synchronized void start() {
        if (server == null) {
            server = start(runDir, port);
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Creates the database if needed and returns its JDBC URL. */
    public synchronized String jdbcUrl(String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database names here are lower-case identifiers: " + database);
        }
        if (server == null) {
            throw new IllegalStateException("the test PostgreSQL server is stopped: call start() first");
        }
        if (databases.add(database)) {
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                    if (!rs.next()) {
                        s.execute("create database " + database);
                    }
                }
            } catch (SQLException e) {
                databases.remove(database);
                throw new IllegalStateException("cannot create database " + database, e);
            }
        }
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    private static EmbeddedPostgres start(Path runDir, int port) {
        Path data = runDir.resolve("data");
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Workspace.createDirectories(Workspace.cacheDir().resolve("postgres-binaries")).toFile())
                    .setDataDirectory(data)
                    // Kept across stop() and start() (an initdb happens only when it is empty); the
                    // run directory, fresh for each JVM, is deleted when the JVM ends.
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Tests need a real server, not a durable one: skip the disk flushes.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            recordPostmaster(runDir, data);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL server", e);
        }
    }

    private static void recordPostmaster(Path runDir, Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (Files.isRegularFile(pidFile)) {
            Leftovers.record(runDir, Long.parseLong(Files.readAllLines(pidFile).get(0).trim()));
        }
    }

    private synchronized void stopForGood() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is ending; the next run reaps what is left
        }
        Leftovers.forget(runDir);
        Leftovers.deleteTree(runDir);
    }
}
