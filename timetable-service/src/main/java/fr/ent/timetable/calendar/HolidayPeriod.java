package fr.ent.timetable.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** School holidays, first and last day included: a zone's (loaded by the admin) or one school's own. */
@Entity
@Table(name = "holiday_period")
public class HolidayPeriod {

    @Id
    public UUID id;

    /** Set for a zone's period, null for a school's own. */
    @Enumerated(EnumType.STRING)
    public Zone zone;

    /** Set for a school's own period, null for a zone's. */
    @Column(name = "school_id")
    public UUID schoolId;

    public String year;

    public String name;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;
}
