package fr.ent.messaging.message;

import fr.ent.messaging.rules.Profile;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * The right to disconnect, as the sender is told: a teacher writing outside 07:00–20:00 or at a
 * weekend learns that the message is delivered but that its notices wait until the morning
 * (notification-service holds notices in quiet hours).
 */
public final class DeliveryHours {

    static final LocalTime OPENS = LocalTime.of(7, 0);
    static final LocalTime CLOSES = LocalTime.of(20, 0);

    private DeliveryHours() {
    }

    public static boolean quiet(LocalDateTime local) {
        DayOfWeek day = local.getDayOfWeek();
        LocalTime time = local.toLocalTime();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || time.isBefore(OPENS) || !time.isBefore(CLOSES);
    }

    /** The notice for the sender, or null when there is nothing to say. */
    public static String noticeFor(Profile sender, LocalDateTime local) {
        if (sender != Profile.TEACHER || !quiet(local)) {
            return null;
        }
        return "Message remis. Par respect du droit à la déconnexion, ses destinataires n'en seront avertis "
                + "qu'à partir de 7 h le prochain jour ouvré.";
    }
}
