package fr.ent.identity.classes;

import fr.ent.events.contract.identity.ClassGroupUpserted;
import fr.ent.events.contract.identity.GroupKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A class (division) or a group of a school, for one school year. */
@Entity
@Table(name = "class_group")
public class ClassGroup {
    @Id public UUID id;
    @Column(name = "school_id") public UUID schoolId;
    @Enumerated(EnumType.STRING) public GroupKind kind;
    public String code;
    public String name;
    public String level;
    @Column(name = "school_year") public String schoolYear;
    public long version;

    public ClassGroupUpserted event() {
        return new ClassGroupUpserted(id, schoolId, name, level, kind, schoolYear, version);
    }
}
