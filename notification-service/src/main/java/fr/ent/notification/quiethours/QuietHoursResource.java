package fr.ent.notification.quiethours;

import fr.ent.directory.Relationships;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.time.LocalTime;
import java.util.UUID;

/** A school's quiet hours: its staff may move them (the national guidance is the default). */
@Path("/api/notification/schools/{schoolId}/quiet-hours")
@RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
public class QuietHoursResource {

    public record QuietHoursView(@NotNull LocalTime eveningStart, @NotNull LocalTime morningEnd, boolean weekend) {
    }

    private final QuietHours quietHours;
    private final Relationships relationships;

    QuietHoursResource(QuietHours quietHours, Relationships relationships) {
        this.quietHours = quietHours;
        this.relationships = relationships;
    }

    @GET
    public QuietHoursView get(@PathParam("schoolId") UUID schoolId) {
        mustManage(schoolId);
        QuietHoursRule rule = quietHours.ruleOf(schoolId);
        return new QuietHoursView(rule.eveningStart(), rule.morningEnd(), rule.weekend());
    }

    @PUT
    public QuietHoursView chooseQuietHours(@PathParam("schoolId") UUID schoolId, @Valid @NotNull QuietHoursView view) {
        mustManage(schoolId);
        QuietHoursRule rule;
        try {
            rule = new QuietHoursRule(view.eveningStart(), view.morningEnd(), view.weekend());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("morningEnd", "la fin du matin doit précéder le début du soir");
        }
        quietHours.choose(schoolId, rule);
        return view;
    }

    private void mustManage(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }
}
