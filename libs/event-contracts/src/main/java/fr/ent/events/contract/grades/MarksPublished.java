package fr.ent.events.contract.grades;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A teacher (or the school's staff) published the marks of an assessment. Pupils may see them from
 * {@code pupilsVisibleAt}, their guardians from {@code guardiansVisibleAt} (never earlier: a
 * notifier schedules its notices at those times). No mark travels: a consumer that shows one asks
 * grades-service, which applies the same times.
 *
 * @param pupilIds the pupils who have a result (mark, marker or skills) in it
 * @param title    the assessment's title as the teacher wrote it ("Contrôle chapitre 3"), for the
 *                 family's notice; optional (added to v1), never a mark
 */
@EventContract(type = MarksPublished.TYPE, topic = Topics.GRADES)
public record MarksPublished(UUID assessmentId, UUID schoolId, UUID classGroupId, UUID periodId, String subject,
                             UUID teacherId, LocalDate heldOn, List<UUID> pupilIds, OffsetDateTime publishedAt,
                             OffsetDateTime pupilsVisibleAt, OffsetDateTime guardiansVisibleAt, String title) {

    public static final String TYPE = "fr.ent.grades.marks-published.v1";

    /** Without the assessment's title (optional, added to v1: older events have none). */
    public MarksPublished(UUID assessmentId, UUID schoolId, UUID classGroupId, UUID periodId, String subject, UUID teacherId,
                          LocalDate heldOn, List<UUID> pupilIds, OffsetDateTime publishedAt, OffsetDateTime pupilsVisibleAt,
                          OffsetDateTime guardiansVisibleAt) {
        this(assessmentId, schoolId, classGroupId, periodId, subject, teacherId, heldOn, pupilIds, publishedAt, pupilsVisibleAt,
                guardiansVisibleAt, null);
    }
}
