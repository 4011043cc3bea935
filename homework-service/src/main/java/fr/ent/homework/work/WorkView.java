package fr.ent.homework.work;

import fr.ent.homework.support.FileView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A piece of work as its readers see it.
 *
 * @param pupilIds the chosen pupils, empty when it is for the whole class or group
 */
public record WorkView(UUID id, UUID schoolId, UUID classGroupId, String subject, UUID teacherId, UUID logEntryId,
                       String occurrenceId, String dueOccurrenceId, LocalDate setOn, LocalDate dueOn, Instant dueAt, WorkKind kind, String title, String instructions,
                       int estimatedMinutes, Instant visibleFrom, Instant setAt, boolean outsideSchoolHours,
                       Instant handInsClosedAt, List<UUID> pupilIds, List<FileView> attachments) {

    public static WorkView of(Work w, List<UUID> pupilIds, List<FileView> attachments) {
        return new WorkView(w.id, w.schoolId, w.classGroupId, w.subject, w.teacherId, w.logEntryId, w.occurrenceId, w.dueOccurrenceId, w.setOn, w.dueOn, w.dueAt,
                w.kind, w.title, w.instructions, w.estimatedMinutes, w.visibleFrom, w.setAt, w.outsideSchoolHours,
                w.handInsClosedAt, pupilIds, attachments);
    }
}
