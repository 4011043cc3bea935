package fr.ent.identity.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "school_year")
public class SchoolYear {
    @Id public UUID id;
    @Column(name = "school_id") public UUID schoolId;
    public String label;
    @Column(name = "starts_on") public LocalDate startsOn;
    @Column(name = "ends_on") public LocalDate endsOn;

    /** The school year a date falls in, French style: from September 1st to August 31st. */
    public static String labelOf(LocalDate date) {
        int start = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return start + "-" + (start + 1);
    }
}
