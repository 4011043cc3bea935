package fr.ent.timetable.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalTime;
import java.util.UUID;

/** A time slot of a school's day (M1 08:00–08:55...), which lessons refer to by code. */
@Entity
@Table(name = "time_slot")
public class TimeSlot {

    @Embeddable
    public record Key(@Column(name = "school_id") UUID schoolId, @Column(name = "code") String code) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "starts_at")
    public LocalTime startsAt;

    @Column(name = "ends_at")
    public LocalTime endsAt;
}
