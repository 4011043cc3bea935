package fr.ent.messaging.rules;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.UUID;

/** A school's rule table: who may write to whom. Members read it, staff adjust it. */
@Path("/api/messaging/schools/{schoolId}/rules")
public class RuleResource {

    private final RuleService service;

    public RuleResource(RuleService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public List<RuleView> rules(@PathParam("schoolId") UUID schoolId) {
        return service.table(schoolId);
    }

    @PUT
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public List<RuleView> adjustRules(@PathParam("schoolId") UUID schoolId,
                                      @NotNull @Size(min = 1, max = 16) List<@NotNull @Valid RuleView> rows) {
        return service.adjust(schoolId, rows);
    }
}
