package fr.ent.web.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.SQLException;

/** Fails the way a service fails when its database is down, or with a plain bug. */
@Path("/api/outage")
@Produces(MediaType.APPLICATION_JSON)
public class OutageTestResource {

    /** What Hibernate and Agroal throw while PostgreSQL restarts: a connection refused, wrapped. */
    @GET
    @Path("/database-down")
    @PermitAll
    public String databaseDown() {
        throw new IllegalStateException("could not prepare statement",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001"));
    }

    /** A bug that happens to involve SQL: not an outage. */
    @GET
    @Path("/bad-sql")
    @PermitAll
    public String badSql() {
        throw new IllegalStateException("could not execute statement",
                new SQLException("column \"nme\" does not exist", "42703"));
    }
}
