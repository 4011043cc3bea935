package fr.ent.events.testapp;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** A state change over HTTP, as a service's resource makes one (roll call, justification...). */
@Path("/test/things")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ThingResource {

    @Inject
    Things things;

    @POST
    public Map<String, String> record(@QueryParam("key") String key) {
        return Map.of("eventId", things.record(key, 1).toString());
    }
}
