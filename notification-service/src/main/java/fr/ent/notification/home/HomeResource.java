package fr.ent.notification.home;

import fr.ent.web.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The caller's home in one call: their children's (or their own) work due, latest marks, absences to justify, and their counts. */
@Path("/api/notification/home")
// Any person has their own inbox, preferences, quiet slots, home and stream, an inspector too.
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.INSPECTOR})
public class HomeResource {

    private final HomeService homes;

    HomeResource(HomeService homes) {
        this.homes = homes;
    }

    @GET
    public Home.HomeView home() {
        return homes.mine();
    }
}
