package fr.ent.notification.quiethours;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * A person's own quiet slots, applied on top of their school's quiet hours: an e-mail due during
 * either waits for the end of both. Pure logic: a unit test checks it without anything running.
 */
public record PersonQuietSlots(List<QuietSlot> slots) {

    public static final PersonQuietSlots NONE = new PersonQuietSlots(List.of());

    public PersonQuietSlots {
        slots = List.copyOf(slots);
    }

    /** {@code at} itself when no slot covers it, else the end of the slots that follow one another from it. */
    public Instant deferUntil(Instant at, ZoneId zone) {
        Instant result = at;
        for (int i = 0; i <= slots.size(); i++) { // slots end to end: at most one step each
            LocalDateTime local = LocalDateTime.ofInstant(result, zone);
            QuietSlot covering = slots.stream().filter(s -> s.covers(local)).findFirst().orElse(null);
            if (covering == null) {
                return result;
            }
            result = covering.endOn(local.toLocalDate()).atZone(zone).toInstant();
        }
        return result;
    }

    /** The later of the school's quiet hours and the person's slots: a moment outside both. */
    public Instant deferUntil(Instant at, QuietHours.Schedule school) {
        Instant result = at;
        for (int i = 0; i < 16; i++) { // a whole week of slots and evenings, end to end, is far fewer steps
            Instant next = deferUntil(school.deferUntil(result), school.zone());
            if (next.equals(result)) {
                return result;
            }
            result = next;
        }
        return result;
    }
}
