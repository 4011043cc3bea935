package fr.ent.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The service behind the proxies, shaped like our Quarkus services: Vert.x event loops for HTTP,
 * blocking JDBC on worker threads with a small connection pool.
 * <ul>
 *   <li>{@code GET /api/bench/ping}: cheap, a constant JSON document;</li>
 *   <li>{@code GET /api/bench/pupils/<n>}: realistic, one primary-key read in PostgreSQL, as JSON.</li>
 * </ul>
 * Usage: {@code Backend <port> <jdbcUrl> <poolSize>}.
 */
public final class Backend extends AbstractVerticle {

    private static final Buffer PING = new JsonObject().put("status", "ok").put("service", "bench").toBuffer();
    private static BlockingQueue<Connection> pool;

    private final int port;

    private Backend(int port) {
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String jdbcUrl = args[1];
        int poolSize = Integer.parseInt(args[2]);
        pool = new ArrayBlockingQueue<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            pool.add(DriverManager.getConnection(jdbcUrl));
        }
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(poolSize));
        vertx.deployVerticle(() -> new Backend(port), new DeploymentOptions().setInstances(2))
                .toCompletionStage().toCompletableFuture().join();
        System.out.println("backend listening on " + port);
    }

    @Override
    public void start(Promise<Void> started) {
        vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true))
                .requestHandler(req -> {
                    String path = req.path();
                    if (path.equals("/api/bench/ping")) {
                        req.response().putHeader("Content-Type", "application/json").end(PING);
                    } else if (path.startsWith("/api/bench/pupils/")) {
                        long id = Long.parseLong(path.substring("/api/bench/pupils/".length()));
                        vertx.executeBlocking(() -> pupil(id), false).onComplete(ar -> {
                            if (ar.failed()) {
                                req.response().setStatusCode(500).end(ar.cause().toString());
                            } else if (ar.result() == null) {
                                req.response().setStatusCode(404).end();
                            } else {
                                req.response().putHeader("Content-Type", "application/json").end(ar.result());
                            }
                        });
                    } else {
                        req.response().setStatusCode(404).end();
                    }
                })
                .listen(port, "127.0.0.1")
                .<Void>mapEmpty()
                .onComplete(started);
    }

    private static Buffer pupil(long id) throws Exception {
        Connection connection = pool.take();
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, first_name, last_name, class_name, birth_date from pupil where id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new JsonObject()
                        .put("id", rs.getLong(1))
                        .put("firstName", rs.getString(2))
                        .put("lastName", rs.getString(3))
                        .put("className", rs.getString(4))
                        .put("birthDate", rs.getString(5))
                        .toBuffer();
            }
        } finally {
            pool.put(connection);
        }
    }
}
