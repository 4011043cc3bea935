package fr.ent.homework.visa;

import fr.ent.directory.DirectoryPerson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The head's (or an inspector's) stamp on a teacher's cahier de textes for a class, up to a day; kept as history. */
@Entity
@Table(name = "visa")
public class Visa {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "class_group_id")
    public UUID classGroupId;

    @Column(name = "teacher_id")
    public UUID teacherId;

    @Column(name = "stamped_on")
    public LocalDate stampedOn;

    public String comment;

    @Column(name = "stamped_by")
    public UUID stampedBy;

    @Column(name = "stamped_at")
    public Instant stampedAt;

    /** The visa, with the name of who stamped it when {@code people} knows them. */
    public VisaView view(Map<UUID, DirectoryPerson> people) {
        DirectoryPerson by = people.get(stampedBy);
        return new VisaView(id, schoolId, classGroupId, teacherId, stampedOn, comment, stampedBy,
                by == null ? null : by.firstName() + " " + by.lastName(), by == null ? null : by.role().name(), stampedAt);
    }
}
