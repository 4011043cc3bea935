package fr.ent.identity.person;

import fr.ent.events.contract.identity.PersonRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** The id a school's own system gives a person (what a roster re-import matches on). */
@Entity
@Table(name = "person_external_id")
public class PersonExternalId {
    @Id public UUID id;
    @Column(name = "school_id") public UUID schoolId;
    @Enumerated(EnumType.STRING) public PersonRole role;
    @Column(name = "external_id") public String externalId;
    @Column(name = "person_id") public UUID personId;
}
