package fr.ent.events.contract.grades;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The school's staff published the report cards (bulletins) of a class for a period: the pupil and
 * each of their guardians may download their own copy from {@code publishedAt}. One event per
 * pupil, keyed by pupil id. Ids and the time only: no average, no appreciation.
 */
@EventContract(type = ReportCardPublished.TYPE, topic = Topics.GRADES)
public record ReportCardPublished(UUID periodId, UUID schoolId, UUID classGroupId, UUID pupilId,
                                  OffsetDateTime publishedAt) {

    public static final String TYPE = "fr.ent.grades.report-card-published.v1";
}
