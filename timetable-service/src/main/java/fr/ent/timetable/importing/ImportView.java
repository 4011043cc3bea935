package fr.ent.timetable.importing;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An import job as staff follow it: state, lines processed out of the total, and the report when finished. */
public record ImportView(UUID id, UUID schoolId, String format, ImportJob.State state, int processed, int total,
                         OffsetDateTime createdAt, OffsetDateTime finishedAt, ImportReport report) {
}
