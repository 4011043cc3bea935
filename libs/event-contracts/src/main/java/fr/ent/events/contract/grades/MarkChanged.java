package fr.ent.events.contract.grades;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A pupil's result in an already published assessment changed (its history keeps the previous
 * one): the family is told again, the pupil from {@code pupilsVisibleAt}, the guardians from
 * {@code guardiansVisibleAt} (the later of the change and the assessment's own times).
 * {@code title}: the assessment's title, for the family's notice; optional (added to v1), never a mark.
 */
@EventContract(type = MarkChanged.TYPE, topic = Topics.GRADES)
public record MarkChanged(UUID assessmentId, UUID schoolId, UUID classGroupId, UUID pupilId, String subject,
                          OffsetDateTime changedAt, OffsetDateTime pupilsVisibleAt, OffsetDateTime guardiansVisibleAt,
                          String title) {

    public static final String TYPE = "fr.ent.grades.mark-changed.v1";

    /** Without the assessment's title (optional, added to v1: older events have none). */
    public MarkChanged(UUID assessmentId, UUID schoolId, UUID classGroupId, UUID pupilId, String subject,
                       OffsetDateTime changedAt, OffsetDateTime pupilsVisibleAt, OffsetDateTime guardiansVisibleAt) {
        this(assessmentId, schoolId, classGroupId, pupilId, subject, changedAt, pupilsVisibleAt, guardiansVisibleAt, null);
    }
}
