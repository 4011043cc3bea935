package fr.ent.grades.settings;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** A school's marking settings: its staff set them, anyone of the school reads them. */
@Path("/api/grades/schools/{schoolId}/settings")
public class SettingsResource {

    private final SettingsService service;

    public SettingsResource(SettingsService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN,
            CurrentUser.SERVICE})
    public SettingsView getSettings(@PathParam("schoolId") UUID schoolId) {
        return service.get(schoolId);
    }

    @PUT
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public SettingsView putSettings(@PathParam("schoolId") UUID schoolId, @NotNull @Valid SettingsInput in) {
        return service.put(schoolId, in);
    }
}
