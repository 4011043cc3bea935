package fr.ent.timetable.lesson;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A lesson to plan. Weekly ({@code WEEKLY}, {@code WEEK_A}, {@code WEEK_B}): {@code dayOfWeek} and
 * {@code startsOn}, {@code endsOn} (default: the end of the school year). Once: {@code date}.
 * At least one class or group; the teachers, classes, groups and room are the school's.
 * {@code endSlot}: the last slot of a lesson over several (a double lesson: {@code slot} M1,
 * {@code endSlot} M2), a slot that comes after {@code slot} in the school's day; absent: one slot.
 */
public record LessonInput(
        @NotBlank @Size(max = 100) String subject,
        @NotNull @Size(min = 1, max = 5) List<@NotNull UUID> teacherIds,
        @Size(max = 20) List<@NotNull UUID> classIds,
        @Size(max = 20) List<@NotNull UUID> groupIds,
        UUID roomId,
        @NotBlank @Size(max = 10) String slot,
        @Size(max = 10) String endSlot,
        @NotNull Recurrence recurrence,
        DayOfWeek dayOfWeek,
        LocalDate startsOn,
        LocalDate endsOn,
        LocalDate date) {

    public List<UUID> classes() {
        return classIds == null ? List.of() : classIds;
    }

    public List<UUID> groups() {
        return groupIds == null ? List.of() : groupIds;
    }
}
