package fr.ent.timetable.lesson;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lessons that may have an occurrence between two dates: planned over a range that meets them, or
 * with an occurrence moved into them. Each finder takes the dates as ?2 and ?3.
 */
@ApplicationScoped
public class LessonRepository implements PanacheRepositoryBase<Lesson, UUID> {

    private static final String MEETS = """
            ((l.startsOn <= ?3 and l.endsOn >= ?2)
              or exists (select c.id from OccurrenceChange c where c.lessonId = l.id and c.movedTo between ?2 and ?3))""";

    /** Lessons where a change brings someone or something in (a substitute, another room). */
    private static final String BROUGHT_IN_BY = """
            select l from Lesson l where exists (select c.id from OccurrenceChange c where c.lessonId = l.id
              and c.%s = ?1 and coalesce(c.movedTo, c.plannedDate) between ?2 and ?3)""";

    public List<Lesson> ofSchool(UUID schoolId, LocalDate from, LocalDate to) {
        return list("select l from Lesson l where l.schoolId = ?1 and " + MEETS, schoolId, from, to);
    }

    /** Lessons the teacher teaches, or stands in for, in any school. */
    public List<Lesson> ofTeacher(UUID teacherId, LocalDate from, LocalDate to) {
        return union(list("select distinct l from Lesson l join l.teacherIds t where t = ?1 and " + MEETS, teacherId, from, to),
                list(BROUGHT_IN_BY.formatted("substituteId"), teacherId, from, to));
    }

    public List<Lesson> inRoom(UUID roomId, LocalDate from, LocalDate to) {
        return union(list("select l from Lesson l where l.roomId = ?1 and " + MEETS, roomId, from, to),
                list(BROUGHT_IN_BY.formatted("roomId"), roomId, from, to));
    }

    /** Lessons of any of these classes or groups. */
    public List<Lesson> ofClassesOrGroups(Collection<UUID> ids, LocalDate from, LocalDate to) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return union(list("select distinct l from Lesson l join l.classIds c where c in ?1 and " + MEETS, ids, from, to),
                list("select distinct l from Lesson l join l.groupIds g where g in ?1 and " + MEETS, ids, from, to));
    }

    @SafeVarargs
    static List<Lesson> union(List<Lesson>... lists) {
        Map<UUID, Lesson> byId = new LinkedHashMap<>();
        for (List<Lesson> list : lists) {
            list.forEach(l -> byId.putIfAbsent(l.id, l));
        }
        return new ArrayList<>(byId.values());
    }
}
