package fr.ent.grades.support;

import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Answers each request's SQL statement count in {@code X-Statements} (tests only: {@link CountingDriver}). */
public class StatementCountHeader {

    public static final String HEADER = "X-Statements";

    private final StatementCount count;

    public StatementCountHeader(StatementCount count) {
        this.count = count;
    }

    @ServerResponseFilter
    public void answer(ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, count.value());
    }
}
