package fr.ent.timetable.absence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A teacher's absence in one school, declared then confirmed by that school's staff. No reason. */
@Entity
@Table(name = "teacher_absence")
public class TeacherAbsence {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "teacher_id")
    public UUID teacherId;

    /** School time (Europe/Paris). */
    @Column(name = "starts_at")
    public LocalDateTime startsAt;

    @Column(name = "ends_at")
    public LocalDateTime endsAt;

    @Column(name = "declared_by")
    public UUID declaredBy;

    @Column(name = "declared_at")
    public OffsetDateTime declaredAt;

    @Column(name = "confirmed_by")
    public UUID confirmedBy;

    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;

    public boolean confirmed() {
        return confirmedAt != null;
    }

    public AbsenceView view() {
        return new AbsenceView(id, schoolId, teacherId, startsAt, endsAt, confirmed() ? "CONFIRMED" : "DECLARED",
                declaredAt, confirmedAt);
    }
}
