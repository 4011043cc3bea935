package fr.ent.notification.preference;

import fr.ent.notification.notice.Channel;
import fr.ent.notification.notice.Mode;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notifiers;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A person's own channel choices, per notification type. */
@Path("/api/notification/preferences")
// Any person has their own inbox, preferences, quiet slots, home and stream, an inspector too.
@RolesAllowed({CurrentUser.PUPIL, CurrentUser.PARENT, CurrentUser.TEACHER, CurrentUser.STAFF, CurrentUser.ADMIN, CurrentUser.INSPECTOR})
public class PreferenceResource {

    public record PreferenceView(String type, String label, Channel channel, Mode mode, Mode defaultMode) {
    }

    public record Choice(@NotNull Mode mode) {
    }

    private final Preferences preferences;
    private final Notifiers notifiers;
    private final CurrentUser user;

    PreferenceResource(Preferences preferences, Notifiers notifiers, CurrentUser user) {
        this.preferences = preferences;
        this.notifiers = notifiers;
        this.user = user;
    }

    @GET
    public List<PreferenceView> mine() {
        Map<String, Map<Channel, Mode>> chosen = preferences.chosenBy(user.personId());
        List<PreferenceView> views = new ArrayList<>();
        for (NotificationType type : notifiers.types()) {
            for (Channel channel : Channel.values()) {
                Mode mode = chosen.getOrDefault(type.key(), Map.of()).getOrDefault(channel, type.defaultFor(channel));
                views.add(new PreferenceView(type.key(), type.label(), channel, mode, type.defaultFor(channel)));
            }
        }
        return views;
    }

    @PUT
    @Path("/{type}/{channel}")
    public PreferenceView choosePreference(@PathParam("type") String type, @PathParam("channel") String channel,
                                           @Valid @NotNull Choice choice) {
        NotificationType t = notifiers.type(type).orElseThrow(() -> Problems.notFound("unknown notification type " + type));
        Channel c;
        try {
            c = Channel.valueOf(channel);
        } catch (IllegalArgumentException e) {
            throw Problems.notFound("unknown channel " + channel);
        }
        if (choice.mode() == Mode.DIGEST && c != Channel.EMAIL) {
            throw Problems.invalidField("mode", "le résumé quotidien n'existe que pour l'e-mail");
        }
        preferences.choose(user.personId(), t.key(), c, choice.mode());
        return new PreferenceView(t.key(), t.label(), c, choice.mode(), t.defaultFor(c));
    }
}
