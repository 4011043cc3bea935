package fr.ent.web.testapp;

import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Endpoints shaped like a real service's, to exercise every error the web lib maps. */
@Path("/api/pupils")
@Produces(MediaType.APPLICATION_JSON)
public class PupilTestResource {

    public enum Kind { LATE, ABSENT }

    public record Absence(@NotNull LocalDate date, @Min(1) @Max(600) int minutes, Kind kind) {
    }

    public record AbsenceReport(@NotNull UUID pupilId, @NotEmpty List<@Valid Absence> absences) {
    }

    @Inject
    CurrentUser user;

    @POST
    @Path("/absences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"teacher", "staff"})
    public AbsenceReport record(@Valid @NotNull AbsenceReport report) {
        return report;
    }

    @GET
    @Path("/search")
    @PermitAll
    public List<String> search(@QueryParam("name") @Size(min = 2, message = "must have at least 2 letters") String name) {
        return List.of(name);
    }

    @GET
    @Path("/me")
    @Authenticated
    public Map<String, Object> me(@QueryParam("school") UUID school) {
        return Map.of(
                "personId", user.personId(),
                "roles", user.roles(),
                "schoolIds", user.schoolIds(),
                "isAdmin", user.isAdmin(),
                "belongsTo", school != null && user.belongsTo(school));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Map<String, Object> one(@PathParam("id") UUID id) {
        throw Problems.notFound("No pupil " + id + ".");
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed("staff")
    public void archive(@PathParam("id") UUID id) {
        throw Problems.conflict("pupil-already-archived", "Pupil " + id + " is already archived.");
    }

    @GET
    @Path("/boom")
    @PermitAll
    public String boom() {
        throw new IllegalStateException("secret internal detail: password=hunter2");
    }

    /** No access rule: deny by default must close it, even to a valid token. */
    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "should never be served";
    }
}
