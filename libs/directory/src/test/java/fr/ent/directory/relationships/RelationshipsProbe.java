package fr.ent.directory.relationships;

import fr.ent.directory.Relationships;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** Asks the relationship questions as the caller of the request, for RelationshipsTest. */
@Path("/probe")
@PermitAll
public class RelationshipsProbe {

    private final Relationships relationships;

    RelationshipsProbe(Relationships relationships) {
        this.relationships = relationships;
    }

    @GET
    @Path("/require-reader/{id}")
    public String requireReader(@PathParam("id") UUID id) {
        return relationships.requireReaderOf(id).name();
    }

    @GET
    @Path("/{question}/{id}")
    public String ask(@PathParam("question") String question, @PathParam("id") UUID id) {
        return switch (question) {
            case "staffOf" -> String.valueOf(relationships.isStaffOf(id));
            case "readsAsStaffOf" -> String.valueOf(relationships.readsAsStaffOf(id));
            case "memberOf" -> String.valueOf(relationships.isMemberOf(id));
            case "inspectorOf" -> String.valueOf(relationships.isInspectorOf(id));
            case "teaches" -> String.valueOf(relationships.teaches(id));
            case "teachesPupil" -> String.valueOf(relationships.teachesPupil(id));
            case "guardianOf" -> String.valueOf(relationships.isGuardianOf(id));
            case "receivesCommunications" -> String.valueOf(relationships.receivesCommunicationsAbout(id));
            case "viewerOf" -> relationships.viewerOf(id).map(Enum::name).orElse("NONE");
            default -> throw new IllegalArgumentException(question);
        };
    }
}
