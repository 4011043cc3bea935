package fr.ent.web.testapp;

import fr.ent.web.input.InputRules;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Endpoints that take text, dates, pages and bodies the way services do, to exercise the input rules. */
@Path("/api/inputs")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class InputTestResource {

    public record Note(String text, List<String> tags, Map<String, String> labels, LocalDate day,
                       LocalDateTime startsAt, OffsetDateTime at, YearMonth month) {
    }

    /** Shaped like quiet hours: a primitive that must not default, a boxed one that says it is required. */
    public record Settings(boolean weekend, int minutes, @NotNull Boolean shared) {
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Note note(Note note) {
        return note;
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Settings settings(@Valid @NotNull Settings settings) {
        return settings;
    }

    /** No @NotNull, no @Valid: the body is required all the same. */
    @POST
    @Path("/plain")
    @Consumes(MediaType.APPLICATION_JSON)
    public Note plain(Note note) {
        return note;
    }

    @POST
    @Path("/optional")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> optional(@Nullable Note note) {
        return Map.of("present", note != null);
    }

    @GET
    @Path("/search")
    public Map<String, Object> search(@QueryParam("q") String q, @QueryParam("on") LocalDate on,
                                      @QueryParam("month") YearMonth month, @QueryParam("at") OffsetDateTime at,
                                      @HeaderParam("X-Label") String label, @QueryParam("dryRun") boolean dryRun,
                                      @QueryParam("unread") Boolean unread) {
        Map<String, Object> found = new HashMap<>();
        found.put("dryRun", dryRun);
        found.put("unread", unread);
        found.put("q", q);
        found.put("on", on == null ? null : on.toString());
        found.put("month", month == null ? null : month.toString());
        found.put("at", at == null ? null : at.toString());
        found.put("label", label);
        return found;
    }

    @GET
    @Path("/codes/{code}")
    public Map<String, String> code(@PathParam("code") String code) {
        return Map.of("code", code);
    }

    @GET
    @Path("/pages")
    public Map<String, Integer> pages(@QueryParam("page") Integer page) {
        return Map.of("page", InputRules.page(page));
    }
}
