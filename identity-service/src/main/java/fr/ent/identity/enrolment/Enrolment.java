package fr.ent.identity.enrolment;

import fr.ent.events.contract.identity.EnrolmentEnded;
import fr.ent.events.contract.identity.EnrolmentUpserted;
import fr.ent.events.contract.identity.IdentityEvent;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A pupil in a class (and some of its school's groups) from startsOn to endsOn, both inclusive. */
@Entity
@Table(name = "enrolment")
public class Enrolment {
    @Id public UUID id;
    @Column(name = "pupil_id") public UUID pupilId;
    @Column(name = "school_id") public UUID schoolId;
    @Column(name = "class_id") public UUID classId;
    @Column(name = "starts_on") public LocalDate startsOn;
    /** Null while open. */
    @Column(name = "ends_on") public LocalDate endsOn;
    /** Entered by mistake: counts for no date (published as EnrolmentEnded). */
    public boolean withdrawn;
    public long version;

    @ElementCollection
    @CollectionTable(name = "enrolment_group", joinColumns = @JoinColumn(name = "enrolment_id"))
    @Column(name = "group_id")
    public Set<UUID> groupIds = new LinkedHashSet<>();

    public boolean covers(LocalDate day) {
        return !withdrawn && !startsOn.isAfter(day) && (endsOn == null || !endsOn.isBefore(day));
    }

    /** Withdrawn: ended; otherwise its current state. */
    public IdentityEvent event() {
        return withdrawn ? new EnrolmentEnded(id, pupilId, schoolId, version)
                : new EnrolmentUpserted(id, pupilId, schoolId, classId, new ArrayList<>(groupIds), startsOn, endsOn, version);
    }
}
