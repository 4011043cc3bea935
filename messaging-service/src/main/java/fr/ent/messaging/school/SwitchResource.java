package fr.ent.messaging.school;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

/** A school's messaging switches: its staff read them, the platform admin turns them off and on. */
@Path("/api/messaging/schools/{schoolId}/switches")
public class SwitchResource {

    private final SchoolSwitches service;

    public SwitchResource(SchoolSwitches service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public Switches switches(@PathParam("schoolId") UUID schoolId) {
        return service.read(schoolId);
    }

    @PUT
    @RolesAllowed(CurrentUser.ADMIN)
    public Switches changeSwitches(@PathParam("schoolId") UUID schoolId, @NotNull @Valid Switches wanted) {
        return service.change(schoolId, wanted);
    }
}
