package fr.ent.events.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A Hibernate entity, as services have: its changes and the outbox row share one transaction. */
@Entity
@Table(name = "test_pupil")
public class Pupil {

    @Id
    public UUID id;

    public String name;
}
