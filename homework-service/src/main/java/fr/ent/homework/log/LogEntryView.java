package fr.ent.homework.log;

import fr.ent.homework.support.FileView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record LogEntryView(UUID id, UUID schoolId, UUID classGroupId, String subject, UUID teacherId, String occurrenceId,
                           LocalDate lessonOn,
                           String title, String content, boolean published, List<FileView> attachments,
                           Instant createdAt, Instant updatedAt) {

    static LogEntryView of(LogEntry e, List<FileView> attachments) {
        return new LogEntryView(e.id, e.schoolId, e.classGroupId, e.subject, e.teacherId, e.occurrenceId, e.lessonOn, e.title, e.content,
                e.published, attachments, e.createdAt, e.updatedAt);
    }
}
