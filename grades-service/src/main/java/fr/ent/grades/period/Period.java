package fr.ent.grades.period;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A marking period (trimester, semester) of a school year, for one class or group or for the whole
 * school ({@code classGroupId} null). Its marks cannot change once it is locked: by its staff
 * ({@code lockedAt}), or from the day after its locking date.
 */
@Entity
@Table(name = "period")
public class Period {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "class_group_id")
    public UUID classGroupId;

    @Column(name = "school_year")
    public String schoolYear;

    public String name;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "locks_on")
    public LocalDate locksOn;

    @Column(name = "locked_at")
    public Instant lockedAt;

    @Column(name = "locked_by")
    public UUID lockedBy;

    /** Locked by the staff, or the locking date has passed (marks may still change on that day). */
    public boolean isLocked(LocalDate today) {
        return lockedAt != null || today.isAfter(locksOn);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public PeriodView view(LocalDate today) {
        return new PeriodView(id, schoolId, classGroupId, schoolYear, name, startsOn, endsOn, locksOn, isLocked(today), lockedAt);
    }
}
