package fr.ent.timetable.change;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.UUID;

/** What staff send to change an occurrence (scope: default THIS). */
public final class ChangeInputs {

    private ChangeInputs() {
    }

    public record Cancel(Scope scope) {
    }

    /**
     * Where to: for THIS, {@code date} (and maybe {@code slot}); for FOLLOWING, {@code dayOfWeek} (each
     * occurrence moves within its week) and/or {@code slot}. Moved to a slot, an occurrence keeps its
     * length (a double lesson spans two slots from {@code slot}), unless {@code endSlot} names its
     * last slot, one that comes after its first in the school's day.
     */
    public record Move(Scope scope, LocalDate date, DayOfWeek dayOfWeek, @Size(max = 10) String slot,
                       @Size(max = 10) String endSlot) {
    }

    public record Room(Scope scope, @NotNull UUID roomId) {
    }

    public record Substitute(Scope scope, @NotNull UUID teacherId) {
    }
}
