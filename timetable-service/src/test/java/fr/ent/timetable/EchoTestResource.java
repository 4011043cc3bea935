package fr.ent.timetable;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Tests only: the service has no JSON endpoint yet, and the smoke test posts bad JSON to one. */
@Path(EchoTestResource.PATH)
public class EchoTestResource {

    static final String PATH = "/api/timetable/echo";

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> echo(Map<String, Object> body) {
        return body;
    }
}
