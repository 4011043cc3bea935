package fr.ent.identity.person;

import fr.ent.events.contract.identity.ContactChanged;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.events.contract.identity.PersonUpserted;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** Anyone with an account: pupil, guardian (role PARENT), teacher, staff, admin. */
@Entity
@Table(name = "person")
public class Person {
    @Id public UUID id;
    @Enumerated(EnumType.STRING) public PersonRole role;
    @Column(name = "first_name") public String firstName;
    @Column(name = "last_name") public String lastName;
    /** Adults only. */
    public String email;
    /** Pupils only. */
    @Column(name = "birth_date") public LocalDate birthDate;
    public String username;
    public boolean active;
    @Column(name = "keycloak_user_id") public String keycloakUserId;
    public long version;
    @Column(name = "created_at") public OffsetDateTime createdAt;
    @Column(name = "updated_at") public OffsetDateTime updatedAt;

    @ElementCollection
    @CollectionTable(name = "person_school", joinColumns = @JoinColumn(name = "person_id"))
    @Column(name = "school_id")
    public Set<UUID> schoolIds = new LinkedHashSet<>();

    public boolean isAdult() {
        return role != PersonRole.PUPIL;
    }

    /** Published once per school of the person. */
    public PersonUpserted event() {
        return new PersonUpserted(id, role, firstName, lastName, new ArrayList<>(schoolIds), active, version);
    }

    /** The only event with an address: it goes to the restricted contacts topic. */
    public ContactChanged contactEvent() {
        return new ContactChanged(id, email, version);
    }
}
