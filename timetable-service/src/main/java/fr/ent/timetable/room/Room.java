package fr.ent.timetable.room;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A room of a school, where lessons take place. */
@Entity
@Table(name = "room")
public class Room {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    public String name;

    public int capacity;

    public RoomView view() {
        return new RoomView(id, schoolId, name, capacity);
    }
}
