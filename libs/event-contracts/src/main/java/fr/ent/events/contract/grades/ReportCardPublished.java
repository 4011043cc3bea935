package fr.ent.events.contract.grades;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The school's staff published the report cards (bulletins) of a class for a period: the pupil and
 * each of their guardians may download their own copy from {@code publishedAt}. One event per
 * pupil, keyed by pupil id. Ids, the time and the period's name ({@code periodName}, "1er
 * trimestre"; optional, added to v1) only: no average, no appreciation.
 */
@EventContract(type = ReportCardPublished.TYPE, topic = Topics.GRADES)
public record ReportCardPublished(UUID periodId, UUID schoolId, UUID classGroupId, UUID pupilId,
                                  OffsetDateTime publishedAt, String periodName) {

    public static final String TYPE = "fr.ent.grades.report-card-published.v1";

    /** Without the period's name (optional, added to v1: older events have none). */
    public ReportCardPublished(UUID periodId, UUID schoolId, UUID classGroupId, UUID pupilId, OffsetDateTime publishedAt) {
        this(periodId, schoolId, classGroupId, pupilId, publishedAt, null);
    }
}
