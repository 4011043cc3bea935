package fr.ent.homework.settings;

import fr.ent.homework.support.Access;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** A school's workload thresholds: read by its school side, changed by its staff. */
@Path("/api/homework/schools/{schoolId}/workload-settings")
public class SettingsResource {

    private final WorkloadSettingsRepository settings;
    private final Access access;

    public SettingsResource(WorkloadSettingsRepository settings, Access access) {
        this.settings = settings;
        this.access = access;
    }

    @GET
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkloadSettingsView getWorkloadSettings(@PathParam("schoolId") UUID schoolId) {
        access.relationships().requireMemberOf(schoolId);
        return settings.of(schoolId).view();
    }

    @PUT
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    @Transactional
    public WorkloadSettingsView putWorkloadSettings(@PathParam("schoolId") UUID schoolId, @NotNull @Valid WorkloadSettingsView in) {
        access.requireStaffOf(schoolId);
        if (!in.schoolDayStartsAt().isBefore(in.schoolDayEndsAt())) {
            throw Problems.invalidField("schoolDayEndsAt", "la journée finit après avoir commencé");
        }
        WorkloadSettings s = settings.findByIdOptional(schoolId).orElse(null);
        if (s == null) {
            s = WorkloadSettings.defaults(schoolId);
            settings.persist(s);
        }
        s.maxWorksPerDay = in.maxWorksPerDay();
        s.maxMinutesPerDay = in.maxMinutesPerDay();
        s.maxTestsPerDay = in.maxTestsPerDay();
        s.schoolDayStartsAt = in.schoolDayStartsAt();
        s.schoolDayEndsAt = in.schoolDayEndsAt();
        return s.view();
    }
}
