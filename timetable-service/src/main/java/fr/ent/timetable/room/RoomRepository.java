package fr.ent.timetable.room;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RoomRepository implements PanacheRepositoryBase<Room, UUID> {

    public List<Room> ofSchool(UUID schoolId) {
        return list("schoolId = ?1 order by name", schoolId);
    }

    public Optional<Room> named(UUID schoolId, String name) {
        return find("schoolId = ?1 and name = ?2", schoolId, name).firstResultOptional();
    }
}
