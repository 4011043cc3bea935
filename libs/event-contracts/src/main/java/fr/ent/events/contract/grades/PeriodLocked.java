package fr.ent.events.contract.grades;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The school's staff locked a period: no mark of its assessments changes any more (report cards
 * can be drawn up).
 *
 * @param classGroupId the class or group the period belongs to; null for a period of the whole school
 * @param periodName   the period's name ("1er trimestre"); optional (added to v1)
 */
@EventContract(type = PeriodLocked.TYPE, topic = Topics.GRADES)
public record PeriodLocked(UUID periodId, UUID schoolId, UUID classGroupId, String schoolYear, LocalDate startsOn,
                           LocalDate endsOn, OffsetDateTime lockedAt, String periodName) {

    public static final String TYPE = "fr.ent.grades.period-locked.v1";

    /** Without the period's name (optional, added to v1: older events have none). */
    public PeriodLocked(UUID periodId, UUID schoolId, UUID classGroupId, String schoolYear, LocalDate startsOn,
                        LocalDate endsOn, OffsetDateTime lockedAt) {
        this(periodId, schoolId, classGroupId, schoolYear, startsOn, endsOn, lockedAt, null);
    }
}
