package fr.ent.timetable.lesson;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.timetable.room.RoomRepository;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Refuses occurrences that would clash with others, with a 409 naming the room, teacher or class and the lesson in the way. */
@ApplicationScoped
public class ConflictCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final LessonRepository lessons;
    private final Timetable timetable;
    private final RoomRepository rooms;
    private final Directory directory;

    public ConflictCheck(LessonRepository lessons, Timetable timetable, RoomRepository rooms, Directory directory) {
        this.lessons = lessons;
        this.timetable = timetable;
        this.rooms = rooms;
        this.directory = directory;
    }

    public void requireNoConflict(List<Conflicts.Proposed> proposed) {
        if (proposed.isEmpty()) {
            return;
        }
        LocalDate from = proposed.stream().map(Conflicts.Proposed::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = proposed.stream().map(Conflicts.Proposed::date).max(LocalDate::compareTo).orElseThrow();
        Set<UUID> roomIds = new HashSet<>();
        Set<UUID> teacherIds = new HashSet<>();
        Set<UUID> groupIds = new HashSet<>();
        for (Conflicts.Proposed p : proposed) {
            if (p.roomId() != null) {
                roomIds.add(p.roomId());
            }
            teacherIds.addAll(p.teacherIds());
            groupIds.addAll(p.classOrGroupIds());
        }
        List<Lesson> candidates = new ArrayList<>();
        roomIds.forEach(room -> candidates.addAll(lessons.inRoom(room, from, to)));
        teacherIds.forEach(teacher -> candidates.addAll(lessons.ofTeacher(teacher, from, to)));
        candidates.addAll(lessons.ofClassesOrGroups(groupIds, from, to));
        List<Occurrence> existing = timetable.between(LessonRepository.union(candidates), from, to);
        Conflicts.first(proposed, existing).ifPresent(c -> {
            throw Problems.conflict(switch (c.what()) {
                case ROOM -> "room-conflict";
                case TEACHER -> "teacher-conflict";
                case CLASS -> "class-conflict";
            }, describe(c));
        });
    }

    private String describe(Conflicts.Conflict c) {
        Occurrence o = c.with();
        String who = switch (c.what()) {
            case ROOM -> "La salle " + rooms.findByIdOptional(c.whose()).map(r -> r.name).orElse(c.whose().toString())
                    + " est déjà occupée";
            case TEACHER -> directory.person(c.whose()).map(p -> p.firstName() + " " + p.lastName())
                    .orElse("L'enseignant " + c.whose()) + " a déjà cours";
            case CLASS -> directory.classGroup(c.whose()).map(DirectoryClassGroup::name).orElse(c.whose().toString())
                    + " a déjà cours";
        };
        return who + " le " + DAY.format(o.date()) + " de " + o.startsAt() + " à " + o.endsAt()
                + " (" + o.subject() + ", séance " + o.id() + ").";
    }
}
