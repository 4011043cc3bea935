package fr.ent.notification.quiethours;

import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A person's own quiet slots (right to disconnect): days and times when no e-mail reaches them, on
 * top of their school's quiet hours. The in-app inbox and the live stream still record at once.
 */
@Path("/api/notification/me/quiet-slots")
// Any person has their own inbox, preferences, quiet slots, home and stream, an inspector too.
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.INSPECTOR})
public class QuietSlotsResource {

    /** {@code until} 00:00 is midnight; a slot over midnight is given as two. */
    public record SlotView(DayOfWeek day, LocalTime from, LocalTime until) {
    }

    public record SlotsView(@NotNull @Size(max = 28) List<@NotNull SlotView> slots) {
    }

    private final QuietHours quietHours;
    private final CurrentUser user;

    QuietSlotsResource(QuietHours quietHours, CurrentUser user) {
        this.quietHours = quietHours;
        this.user = user;
    }

    @GET
    public SlotsView myQuietSlots() {
        return view(quietHours.slotsOf(Set.of(user.personId())).getOrDefault(user.personId(), PersonQuietSlots.NONE).slots());
    }

    @PUT
    public SlotsView chooseQuietSlots(@Valid @NotNull SlotsView chosen) {
        var person = user.personId();
        List<QuietSlot> slots = new ArrayList<>();
        for (int i = 0; i < chosen.slots().size(); i++) {
            SlotView s = chosen.slots().get(i);
            String field = "slots[" + i + "]";
            if (s.day() == null) throw Problems.invalidField(field + ".day", "jour manquant (MONDAY ... SUNDAY)");
            if (s.from() == null) throw Problems.invalidField(field + ".from", "heure de début manquante");
            if (s.until() == null) throw Problems.invalidField(field + ".until", "heure de fin manquante (00:00 pour minuit)");
            try {
                slots.add(new QuietSlot(s.day(), s.from(), s.until()));
            } catch (IllegalArgumentException e) {
                throw Problems.invalidField(field + ".until", "la fin doit suivre le début (00:00 pour minuit)");
            }
        }
        quietHours.chooseSlots(person, slots);
        return view(slots);
    }

    private static SlotsView view(List<QuietSlot> slots) {
        return new SlotsView(slots.stream().map(s -> new SlotView(s.day(), s.from(), s.until())).toList());
    }
}
