package fr.ent.timetable.room;

import fr.ent.directory.Relationships;
import fr.ent.timetable.support.Access;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RoomService {

    private final RoomRepository rooms;
    private final Relationships relationships;
    private final Access access;

    public RoomService(RoomRepository rooms, Relationships relationships, Access access) {
        this.rooms = rooms;
        this.relationships = relationships;
        this.access = access;
    }

    /** Staff and teachers of the school list its rooms. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RoomView> list(UUID schoolId) {
        access.requireSchoolReader(schoolId);
        return rooms.ofSchool(schoolId).stream().map(Room::view).toList();
    }

    @Transactional
    public RoomView create(UUID schoolId, RoomInput in) {
        relationships.requireStaffOf(schoolId);
        if (rooms.named(schoolId, in.name()).isPresent()) {
            throw Problems.conflict("room-name-taken", "Une salle " + in.name() + " existe déjà.");
        }
        Room room = new Room();
        room.id = UUID.randomUUID();
        room.schoolId = schoolId;
        room.name = in.name();
        room.capacity = in.capacity();
        rooms.persist(room);
        return room.view();
    }

    @Transactional
    public RoomView update(UUID schoolId, UUID roomId, RoomInput in) {
        relationships.requireStaffOf(schoolId);
        Room room = rooms.findByIdOptional(roomId).filter(r -> r.schoolId.equals(schoolId))
                .orElseThrow(() -> Problems.notFound("Salle introuvable."));
        Optional<Room> sameName = rooms.named(schoolId, in.name());
        if (sameName.isPresent() && !sameName.get().id.equals(roomId)) {
            throw Problems.conflict("room-name-taken", "Une salle " + in.name() + " existe déjà.");
        }
        room.name = in.name();
        room.capacity = in.capacity();
        return room.view();
    }

    /** A room of that school, or a 400 naming the field. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Room ofSchool(UUID schoolId, UUID roomId, String field) {
        return rooms.findByIdOptional(roomId).filter(r -> r.schoolId.equals(schoolId))
                .orElseThrow(() -> Problems.invalidField(field, "salle inconnue dans cet établissement"));
    }
}
