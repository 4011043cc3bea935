package fr.ent.grades.reportcard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What is known of a class's report cards for a period: published or not, the last generation job
 * (null before any), and the copies generated.
 */
public record ReportCardView(UUID periodId, UUID classGroupId, Instant publishedAt, Job lastJob, List<Copy> copies) {

    /** One PDF: the pupil's, for a recipient (the pupil or one of their guardians). */
    public record Copy(UUID pupilId, UUID recipientId, String recipientName, Instant createdAt, long bytes) {
        Copy named(String name) {
            return new Copy(pupilId, recipientId, name, createdAt, bytes);
        }
    }

    /** A job's state and progress. */
    public record Job(UUID id, UUID periodId, UUID classGroupId, ReportCardJob.State state, int total, int processed,
                      String error, Instant createdAt, Instant finishedAt) {
        static Job of(ReportCardJob j) {
            return new Job(j.id(), j.periodId(), j.classGroupId(), j.state(), j.total(), j.processed(), j.error(),
                    j.createdAt(), j.finishedAt());
        }
    }

    /** A pupil's appreciations for the period: per subject code, and the class council's (null: none yet). */
    public record PupilAppreciations(UUID pupilId, String pupilName, java.util.Map<String, String> subjects, String council) {
    }

    /** An appreciation's text. */
    public record Appreciation(String text) {
    }
}
