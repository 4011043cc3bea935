package fr.ent.web.problem;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request that fails because the database (or another server) is unreachable for now is not a
 * bug: 503 with {@code Retry-After} and a {@code service-unavailable} problem, so clients and the
 * gateway retry instead of reporting an error. {@link TransientFailure} decides; anything else
 * goes on to the catch-all 500 of {@link ProblemMappers}.
 *
 * <p>Mapped on {@link Exception} — closer than the catch-all's {@code Throwable}, further than
 * every specific mapper — because the failure comes wrapped in whatever the persistence layer
 * throws (Hibernate's {@code JDBCConnectionException}, a transaction's rollback, Agroal's
 * {@code SQLException}).
 */
public class ServiceUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(ServiceUnavailableMapper.class);

    /** Seconds a client should wait: a PostgreSQL restart or failover takes a few. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response unavailable(Exception e, HttpServerRequest request) {
        if (!TransientFailure.isTransient(e)) {
            return new ProblemMappers().unexpected(e, request);
        }
        LOG.warnf("503 on %s %s: a server we depend on is unreachable: %s", request.method(), request.path(), e);
        Problem problem = ProblemJson.of(503,
                "The service cannot reach its database or another server it depends on. Retry in a few seconds.",
                request.path());
        return Response.status(503)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .entity(ProblemJson.write(problem))
                .build();
    }
}
