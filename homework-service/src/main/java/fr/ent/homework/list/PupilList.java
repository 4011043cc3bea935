package fr.ent.homework.list;

import fr.ent.homework.work.WorkKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pupil's work to do over the next days, by day (due) and subject.
 *
 * @param days only the days with work
 */
public record PupilList(UUID pupilId, LocalDate from, LocalDate to, List<Day> days) {

    public record Day(LocalDate day, List<Subject> subjects) {
    }

    public record Subject(String subject, List<Item> works) {
    }

    /**
     * @param handIn for HAND_IN work: NONE, HANDED_IN or LATE; null otherwise
     */
    public record Item(UUID workId, String title, WorkKind kind, int estimatedMinutes, Instant dueAt, boolean done,
                       String handIn, boolean feedback) {
    }
}
