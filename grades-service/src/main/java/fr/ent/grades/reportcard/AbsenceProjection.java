package fr.ent.grades.reportcard;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.attendance.AbsenceCancelled;
import fr.ent.events.contract.attendance.AbsenceJustified;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The pupils' absences as attendance-service tells them: recorded (with whether already justified),
 * justified (accepted or refused), cancelled. Only what a report card counts: when, and whether
 * justified; never a reason. Other attendance events are ignored.
 */
@ApplicationScoped
public class AbsenceProjection {

    private final Jdbc jdbc;

    AbsenceProjection(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Applies one event, in the consumer's transaction. */
    public void apply(IncomingEvent event) {
        if (event.is(AbsenceRecorded.class)) {
            AbsenceRecorded a = event.data(AbsenceRecorded.class);
            jdbc.update("""
                    INSERT INTO absence_projection (absence_id, pupil_id, school_id, starts_at, ends_at, justified)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (absence_id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at""",
                    a.absenceId(), a.pupilId(), a.schoolId(), a.start().toInstant(), a.end().toInstant(), a.justified());
        } else if (event.is(AbsenceJustified.class)) {
            AbsenceJustified j = event.data(AbsenceJustified.class);
            jdbc.update("UPDATE absence_projection SET justified = ? WHERE absence_id = ?", j.accepted(), j.absenceId());
        } else if (event.is(AbsenceCancelled.class)) {
            AbsenceCancelled c = event.data(AbsenceCancelled.class);
            jdbc.update("UPDATE absence_projection SET cancelled = true WHERE absence_id = ?", c.absenceId());
        }
    }

    /** The pupil's absences (not cancelled) that overlap [from, to). */
    public List<HalfDays.Absence> of(UUID pupilId, Instant from, Instant to) {
        return jdbc.query("""
                        SELECT starts_at, ends_at, justified FROM absence_projection
                        WHERE pupil_id = ? AND NOT cancelled AND starts_at < ? AND ends_at > ?""",
                rs -> new HalfDays.Absence(Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"), rs.getBoolean("justified")),
                pupilId, to, from);
    }
}
