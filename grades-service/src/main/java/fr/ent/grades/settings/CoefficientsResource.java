package fr.ent.grades.settings;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A class's subject coefficients: its staff set them, the school side of the class reads them. */
@Path("/api/grades/classes/{classGroupId}/subject-coefficients")
public class CoefficientsResource {

    private final CoefficientsService service;

    public CoefficientsResource(CoefficientsService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.SERVICE})
    public Map<String, BigDecimal> getSubjectCoefficients(@PathParam("classGroupId") UUID classGroupId) {
        return service.get(classGroupId);
    }

    @PUT
    @RolesAllowed({CurrentUser.STAFF, CurrentUser.ADMIN})
    public Map<String, BigDecimal> putSubjectCoefficients(@PathParam("classGroupId") UUID classGroupId,
                                                          @NotNull @Valid CoefficientsInput in) {
        return service.put(classGroupId, in.coefficients());
    }
}
