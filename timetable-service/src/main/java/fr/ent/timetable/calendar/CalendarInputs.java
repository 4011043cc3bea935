package fr.ent.timetable.calendar;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What staff send to set up a school's calendar. */
public final class CalendarInputs {

    private CalendarInputs() {
    }

    /** The zone (set once) and the bounds of the school day. */
    public record Settings(@NotNull Zone zone, @NotNull LocalTime dayStartsAt, @NotNull LocalTime dayEndsAt,
                           @NotNull LocalTime afternoonStartsAt) {
    }

    /** A school year's first and last day; the ISO weeks that are week A and week B (both empty: no alternation). */
    public record Year(@NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                       @Size(max = 53) List<@NotNull Integer> weeksA, @Size(max = 53) List<@NotNull Integer> weeksB) {
    }

    public record Slot(@NotBlank @Size(max = 10) @Pattern(regexp = "[A-Z0-9]+", message = "majuscules et chiffres") String code,
                       @NotNull LocalTime startsAt, @NotNull LocalTime endsAt) {
    }

    public record Slots(@NotNull @Size(min = 1, max = 30) List<@NotNull @Valid Slot> slots) {
    }

    public record Holiday(@NotBlank @Size(max = 100) String name, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    public record Holidays(@NotNull @Size(max = 20) List<@NotNull @Valid Holiday> holidays) {
    }
}
