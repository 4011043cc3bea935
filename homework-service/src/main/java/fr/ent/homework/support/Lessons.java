package fr.ent.homework.support;

import fr.ent.lessons.LessonOccurrence;
import fr.ent.lessons.LessonOccurrences;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

/**
 * timetable-service's lessons as homework uses them (libs/lessons' projection of ent.timetable): an
 * entry or a work is tied to a lesson occurrence the caller teaches, of its class or group; work
 * may be due for the class's next lesson. A school without a timetable has no occurrence: entries
 * and work then go by day and class or group.
 */
@ApplicationScoped
public class Lessons {

    private final LessonOccurrences occurrences;
    private final Access access;

    public Lessons(LessonOccurrences occurrences, Access access) {
        this.occurrences = occurrences;
        this.access = access;
    }

    /**
     * The occurrence, if the caller is one of its teachers (a substitute too) and the class or group
     * is one of its own; else a 400 naming {@code field} (unknown, not theirs, another class: the
     * same answer shape). A cancelled lesson: 409 {@code lesson-cancelled}.
     */
    public LessonOccurrence taughtByCaller(String occurrenceId, UUID classGroupId, String field) {
        LessonOccurrence o = occurrences.find(occurrenceId)
                .filter(x -> access.isPerson() && x.teacherIds().contains(access.personId()))
                .orElseThrow(() -> Problems.invalidField(field, "séance inconnue de l'emploi du temps, ou que vous n'assurez pas"));
        if (!o.isFor(classGroupId)) {
            throw Problems.invalidField(field, "cette séance est celle d'une autre classe ou d'un autre groupe");
        }
        if (o.cancelled()) {
            throw Problems.conflict("lesson-cancelled", "Cette séance est annulée.");
        }
        return o;
    }

    public Optional<LessonOccurrence> find(String occurrenceId) {
        return occurrenceId == null ? Optional.empty() : occurrences.find(occurrenceId);
    }

    /**
     * The class's or group's next lesson after that day and time, not cancelled, taught by the
     * caller or (when given) of that subject as the timetable names it.
     */
    public Optional<LessonOccurrence> next(UUID classGroupId, LocalDate day, LocalTime time, String timetableSubject) {
        return occurrences.next(classGroupId, day, time, access.personId(), timetableSubject);
    }
}
