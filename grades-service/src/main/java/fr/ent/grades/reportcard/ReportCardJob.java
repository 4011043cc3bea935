package fr.ent.grades.reportcard;

import java.time.Instant;
import java.util.UUID;

/** A generation of a class's report cards for a period: QUEUED, RUNNING, then DONE or FAILED, with its progress. */
public record ReportCardJob(UUID id, UUID schoolId, UUID periodId, UUID classGroupId, State state, int total, int processed,
                            String error, UUID createdBy, Instant createdAt, Instant finishedAt) {

    public enum State { QUEUED, RUNNING, DONE, FAILED }
}
