package fr.ent.timetable.week;

import fr.ent.directory.Directory;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.room.RoomRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The names a screen shows for the ids of some occurrences: teachers ("Anne Martin"), rooms, classes
 * and groups. Three queries whatever the number of occurrences (people, rooms, classes and groups).
 */
@ApplicationScoped
public class Names {

    /** Names by id; an id the directory no longer knows is absent. */
    public record Of(Map<UUID, String> teachers, Map<UUID, String> rooms, Map<UUID, String> classes) {

        public String teacher(UUID id) {
            return teachers.getOrDefault(id, "");
        }
    }

    private final Directory directory;
    private final RoomRepository rooms;

    public Names(Directory directory, RoomRepository rooms) {
        this.directory = directory;
        this.rooms = rooms;
    }

    public Of of(Collection<Occurrence> occurrences) {
        Set<UUID> teacherIds = new HashSet<>();
        Set<UUID> roomIds = new HashSet<>();
        Set<UUID> classIds = new HashSet<>();
        for (Occurrence o : occurrences) {
            teacherIds.addAll(o.teacherIds());
            classIds.addAll(o.classIds());
            classIds.addAll(o.groupIds());
            if (o.roomId() != null) {
                roomIds.add(o.roomId());
            }
            if (o.planned() != null) {
                teacherIds.addAll(o.planned().teacherIds());
                if (o.planned().roomId() != null) {
                    roomIds.add(o.planned().roomId());
                }
            }
        }
        Map<UUID, String> teachers = new TreeMap<>();
        directory.people(teacherIds).forEach((id, p) -> teachers.put(id, p.firstName() + " " + p.lastName()));
        Map<UUID, String> roomNames = new TreeMap<>();
        if (!roomIds.isEmpty()) {
            rooms.list("id in ?1", roomIds).forEach(r -> roomNames.put(r.id, r.name));
        }
        Map<UUID, String> classes = new TreeMap<>();
        directory.classGroups(classIds).forEach((id, g) -> classes.put(id, g.name()));
        return new Of(teachers, roomNames, classes);
    }
}
