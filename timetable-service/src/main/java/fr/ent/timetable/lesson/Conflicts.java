package fr.ent.timetable.lesson;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Two lessons may not take place at overlapping times in the same room, with the same teacher, or
 * for the same class or group. A cancelled occurrence frees its room, teachers and classes; a
 * lesson never conflicts with itself (moving a series checks it against the others only).
 */
public final class Conflicts {

    private Conflicts() {
    }

    /** An occurrence about to exist (a new lesson's, or a changed one). */
    public record Proposed(UUID lessonId, LocalDate date, LocalTime startsAt, LocalTime endsAt, UUID roomId,
                           Collection<UUID> teacherIds, Collection<UUID> classOrGroupIds) {
    }

    public enum What { ROOM, TEACHER, CLASS }

    /** {@code whose}: the room, teacher or class both would use. */
    public record Conflict(What what, UUID whose, Proposed proposed, Occurrence with) {
    }

    public static Optional<Conflict> first(List<Proposed> proposed, List<Occurrence> existing) {
        for (Proposed p : proposed) {
            for (Occurrence o : existing) {
                if (o.cancelled() || o.lessonId().equals(p.lessonId()) || !o.overlaps(p.date(), p.startsAt(), p.endsAt())) {
                    continue;
                }
                if (p.roomId() != null && p.roomId().equals(o.roomId())) {
                    return Optional.of(new Conflict(What.ROOM, p.roomId(), p, o));
                }
                Optional<UUID> teacher = shared(p.teacherIds(), o.teacherIds());
                if (teacher.isPresent()) {
                    return Optional.of(new Conflict(What.TEACHER, teacher.get(), p, o));
                }
                Optional<UUID> group = shared(p.classOrGroupIds(), o.classIds());
                if (group.isEmpty()) {
                    group = shared(p.classOrGroupIds(), o.groupIds());
                }
                if (group.isPresent()) {
                    return Optional.of(new Conflict(What.CLASS, group.get(), p, o));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<UUID> shared(Collection<UUID> a, Collection<UUID> b) {
        Set<UUID> other = Set.copyOf(b);
        return a.stream().filter(other::contains).sorted().findFirst();
    }
}
