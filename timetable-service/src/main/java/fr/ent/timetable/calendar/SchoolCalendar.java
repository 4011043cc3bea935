package fr.ent.timetable.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalTime;
import java.util.UUID;

/** What a school sets once: its holiday zone and the bounds of its school day. */
@Entity
@Table(name = "school_calendar")
public class SchoolCalendar {

    @Id
    @Column(name = "school_id")
    public UUID schoolId;

    @Enumerated(EnumType.STRING)
    public Zone zone;

    @Column(name = "day_starts_at")
    public LocalTime dayStartsAt;

    @Column(name = "day_ends_at")
    public LocalTime dayEndsAt;

    @Column(name = "afternoon_starts_at")
    public LocalTime afternoonStartsAt;
}
