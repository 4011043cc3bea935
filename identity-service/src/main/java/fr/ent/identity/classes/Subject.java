package fr.ent.identity.classes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "subject")
public class Subject {
    @Id public UUID id;
    @Column(name = "school_id") public UUID schoolId;
    public String code;
    public String name;
}
