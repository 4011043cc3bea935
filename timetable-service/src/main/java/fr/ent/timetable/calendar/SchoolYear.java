package fr.ent.timetable.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/** A school's year: its first and last day of lessons, and which ISO weeks are week A or B. */
@Entity
@Table(name = "school_year")
public class SchoolYear {

    @Embeddable
    public record Key(@Column(name = "school_id") UUID schoolId, @Column(name = "year") String year) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "weeks_a")
    public Integer[] weeksA;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "weeks_b")
    public Integer[] weeksB;
}
