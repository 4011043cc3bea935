package fr.ent.timetable.change;

import fr.ent.directory.Directory;
import fr.ent.directory.Relationships;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.timetable.calendar.CalendarService;
import fr.ent.timetable.calendar.YearCalendar;
import fr.ent.timetable.events.TimetableEvents;
import fr.ent.timetable.lesson.Changes;
import fr.ent.timetable.lesson.ConflictCheck;
import fr.ent.timetable.lesson.Conflicts;
import fr.ent.timetable.lesson.Lesson;
import fr.ent.timetable.lesson.LessonRepository;
import fr.ent.timetable.lesson.LessonView;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.lesson.OccurrenceChange;
import fr.ent.timetable.lesson.OccurrenceChangeRepository;
import fr.ent.timetable.room.RoomService;
import fr.ent.timetable.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Staff change occurrences of their school's lessons: cancel, move, another room, a substitute
 * teacher; for one occurrence or the series from it. Only future occurrences change; nothing may
 * clash; every occurrence changed is announced (one event each), in the change's transaction.
 */
@ApplicationScoped
public class ChangeService {

    private final LessonRepository lessons;
    private final OccurrenceChangeRepository changes;
    private final CalendarService calendars;
    private final RoomService rooms;
    private final Directory directory;
    private final Relationships relationships;
    private final Access access;
    private final ConflictCheck conflicts;
    private final TimetableEvents events;
    private final SchoolClock clock;

    public ChangeService(LessonRepository lessons, OccurrenceChangeRepository changes, CalendarService calendars,
                         RoomService rooms, Directory directory, Relationships relationships, Access access,
                         ConflictCheck conflicts, TimetableEvents events, SchoolClock clock) {
        this.lessons = lessons;
        this.changes = changes;
        this.calendars = calendars;
        this.rooms = rooms;
        this.directory = directory;
        this.relationships = relationships;
        this.access = access;
        this.conflicts = conflicts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public List<Occurrence> cancel(UUID lessonId, LocalDate plannedDate, ChangeInputs.Cancel in) {
        return change(lessonId, plannedDate, in == null ? null : in.scope(), LessonChangeKind.CANCELLED, CANCEL);
    }

    private static final Function<Target, BiFunction<LocalDate, Changes, Changes>> CANCEL =
            target -> (day, c) -> c.cancelled(true);

    @Transactional
    public List<Occurrence> move(UUID lessonId, LocalDate plannedDate, ChangeInputs.Move in) {
        Scope scope = in.scope() == null ? Scope.THIS : in.scope();
        if (scope == Scope.THIS && in.date() == null && in.slot() == null && in.endSlot() == null) {
            throw Problems.invalidField("date", "le jour (ou le créneau) où la séance est déplacée");
        }
        if (scope == Scope.FOLLOWING && in.date() != null) {
            throw Problems.invalidField("date", "pour la série, donnez le jour de la semaine (dayOfWeek)");
        }
        if (scope == Scope.FOLLOWING && in.dayOfWeek() == null && in.slot() == null && in.endSlot() == null) {
            throw Problems.invalidField("dayOfWeek", "le jour de la semaine (ou le créneau) où la série est déplacée");
        }
        return change(lessonId, plannedDate, scope, LessonChangeKind.MOVED, target -> {
            YearCalendar calendar = target.calendar();
            if (in.slot() != null && calendar.slot(in.slot()).isEmpty()) {
                throw Problems.invalidField("slot", "créneau inconnu dans l'établissement");
            }
            if (in.endSlot() != null && calendar.slot(in.endSlot()).isEmpty()) {
                throw Problems.invalidField("endSlot", "créneau inconnu dans l'établissement");
            }
            LessonView lesson = target.lesson();
            return (day, c) -> {
                LocalDate from = c.movedTo() == null ? day : c.movedTo();
                LocalDate to = in.date() != null ? in.date()
                        : in.dayOfWeek() != null ? from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .with(TemporalAdjusters.nextOrSame(in.dayOfWeek())) : from;
                var noLessons = target.calendar().noLessonsBecause(to);
                if (noLessons.isPresent() && scope == Scope.THIS) {
                    throw Problems.invalidField(in.date() != null ? "date" : "slot", "pas de cours le " + to + " : " + noLessons.get());
                }
                if (noLessons.isPresent()) {
                    return null; // a series moves where it can; staff deal with that occurrence on its own
                }
                if (in.slot() == null && in.endSlot() == null) {
                    return c.movedTo(to, c.movedSlot(), c.movedEndSlot());
                }
                // The slots it takes now; moved to another, it keeps their number unless endSlot says.
                String first = c.movedSlot() != null ? c.movedSlot() : lesson.slot();
                String last = c.movedSlot() != null ? c.movedEndSlot() : lesson.endSlot();
                String slot = in.slot() != null ? in.slot() : first;
                String end;
                if (in.endSlot() != null) {
                    calendar.notAnEndAfter(slot, in.endSlot()).ifPresent(why -> {
                        throw Problems.invalidField("endSlot", why);
                    });
                    end = in.endSlot();
                } else {
                    int length = calendar.length(first, last);
                    end = calendar.lastOf(slot, length).map(YearCalendar.Slot::code).orElseThrow(() -> Problems.invalidField(
                            "slot", "la séance dure " + length + " créneaux : la journée n'en a pas autant à partir de " + slot));
                }
                return c.movedTo(to, slot, end.equals(slot) ? null : end);
            };
        });
    }

    @Transactional
    public List<Occurrence> changeRoom(UUID lessonId, LocalDate plannedDate, ChangeInputs.Room in) {
        return change(lessonId, plannedDate, in.scope(), LessonChangeKind.ROOM_CHANGED, target -> {
            rooms.ofSchool(target.lesson().schoolId(), in.roomId(), "roomId");
            return (day, c) -> c.inRoom(in.roomId());
        });
    }

    @Transactional
    public List<Occurrence> substitute(UUID lessonId, LocalDate plannedDate, ChangeInputs.Substitute in) {
        return change(lessonId, plannedDate, in.scope(), LessonChangeKind.SUBSTITUTE, target -> {
            requireTeacherOf(target.lesson().schoolId(), in.teacherId(), "teacherId");
            return (day, c) -> c.substitute(in.teacherId());
        });
    }

    private void requireTeacherOf(UUID school, UUID teacherId, String field) {
        boolean known = directory.person(teacherId)
                .filter(p -> p.role() == PersonRole.TEACHER && p.active() && p.schoolIds().contains(school)).isPresent();
        if (!known) {
            throw Problems.invalidField(field, "enseignant inconnu dans cet établissement");
        }
    }

    /** One occurrence of a teacher's confirmed absence: cancelled (no substitute) or given the substitute. */
    public record AbsenceChange(UUID lessonId, LocalDate plannedDate, UUID substituteId) {
    }

    /**
     * A confirmed absence changes each occurrence listed, with the same rules, conflict checks and
     * rows as a change made on its own; all or nothing (the caller's transaction); each occurrence
     * changed is announced as a LessonChanged carrying the absence's id. Returns each occurrence
     * before and after, in the order given.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<TimetableEvents.Change> forAbsence(UUID absenceId, List<AbsenceChange> wanted) {
        Batch batch = new Batch();
        for (int i = 0; i < wanted.size(); i++) {
            AbsenceChange a = wanted.get(i);
            String field = "substitutes[" + i + "].teacherId";
            if (a.substituteId() == null) {
                stage(batch, a.lessonId(), a.plannedDate(), Scope.THIS, LessonChangeKind.CANCELLED, CANCEL);
            } else {
                stage(batch, a.lessonId(), a.plannedDate(), Scope.THIS, LessonChangeKind.SUBSTITUTE, target -> {
                    requireTeacherOf(target.lesson().schoolId(), a.substituteId(), field);
                    return (day, c) -> c.substitute(a.substituteId());
                });
            }
        }
        batch.commit(absenceId);
        return batch.done.stream().map(Batch.Done::change).toList();
    }

    /**
     * Undoes the cancellation of a future occurrence: it takes place again, with its other changes
     * (moved, room, substitute) kept; nothing may have taken its room, teachers or classes since.
     * Announced as RESTORED.
     */
    @Transactional
    public Occurrence restore(UUID lessonId, LocalDate plannedDate) {
        Lesson lesson = lessons.findByIdOptional(lessonId).filter(l -> relationships.isStaffOf(l.schoolId))
                .orElseThrow(() -> Relationships.notYours("Séance introuvable."));
        YearCalendar calendar = calendars.year(lesson.schoolId, lesson.year)
                .filter(c -> lesson.plan().isPlannedOn(c, plannedDate))
                .orElseThrow(() -> Relationships.notYours("Séance introuvable."));
        OccurrenceChange row = changes.of(lessonId, plannedDate).filter(r -> r.cancelled)
                .orElseThrow(() -> Problems.conflict("occurrence-not-cancelled", "La séance du " + plannedDate + " n'est pas annulée."));
        LessonView view = lesson.view();
        Occurrence before = Occurrence.of(view, plannedDate, calendar, row.changes());
        Changes current = row.changes();
        Changes after = current.cancelled(false);
        Occurrence restored = Occurrence.of(view, plannedDate, calendar, after);
        if (!startsInTheFuture(restored)) {
            throw Problems.conflict("occurrence-in-the-past", "La séance du " + restored.date() + " à "
                    + restored.startsAt() + " est passée ou commencée : seules les séances à venir changent.");
        }
        Set<UUID> groups = new HashSet<>(view.classIds());
        groups.addAll(view.groupIds());
        conflicts.requireNoConflict(List.of(new Conflicts.Proposed(lessonId, restored.date(), restored.startsAt(),
                restored.endsAt(), restored.roomId(), restored.teacherIds(), groups)));
        if (after.equals(Changes.NONE)) {
            changes.delete(row);
        } else {
            row.cancelled = false;
            row.changedBy = access.me();
            row.changedAt = clock.now();
        }
        events.changed(LessonChangeKind.RESTORED, List.of(new TimetableEvents.Change(before, restored)));
        return restored;
    }

    /** The lesson changed and its calendar. */
    record Target(LessonView lesson, YearCalendar calendar) {
    }

    /**
     * Applies one kind of change to the occurrence planned that day (or it and the later ones):
     * {@code rule} checks the input against the lesson, then gives each occurrence's new changes
     * from its planned date and current changes (null: that occurrence stays as it is).
     */
    private List<Occurrence> change(UUID lessonId, LocalDate plannedDate, Scope scope, LessonChangeKind kind,
                                    Function<Target, BiFunction<LocalDate, Changes, Changes>> rule) {
        Batch batch = new Batch();
        stage(batch, lessonId, plannedDate, scope, kind, rule);
        batch.commit(null);
        return batch.done.stream().map(d -> d.change().after()).toList();
    }

    /**
     * Changes checked but not yet written: every occurrence's row, what it is proposed to become
     * (checked for conflicts all at once), and the events to announce.
     */
    private final class Batch {

        record Done(LessonChangeKind kind, TimetableEvents.Change change, OccurrenceChange row) {
        }

        final List<Done> done = new ArrayList<>();
        final List<Conflicts.Proposed> proposed = new ArrayList<>();

        void commit(UUID absenceId) {
            conflicts.requireNoConflict(proposed);
            Map<LessonChangeKind, List<TimetableEvents.Change>> byKind = new java.util.LinkedHashMap<>();
            for (Done d : done) {
                changes.persist(d.row());
                byKind.computeIfAbsent(d.kind(), k -> new ArrayList<>()).add(d.change());
            }
            byKind.forEach((kind, list) -> events.changed(kind, list, absenceId));
        }
    }

    private void stage(Batch batch, UUID lessonId, LocalDate plannedDate, Scope scope, LessonChangeKind kind,
                       Function<Target, BiFunction<LocalDate, Changes, Changes>> rule) {
        Lesson lesson = lessons.findByIdOptional(lessonId).filter(l -> relationships.isStaffOf(l.schoolId))
                .orElseThrow(() -> Relationships.notYours("Séance introuvable."));
        YearCalendar calendar = calendars.year(lesson.schoolId, lesson.year)
                .filter(c -> lesson.plan().isPlannedOn(c, plannedDate))
                .orElseThrow(() -> Relationships.notYours("Séance introuvable."));
        List<LocalDate> dates = scope == Scope.FOLLOWING ? lesson.plan().dates(calendar, plannedDate, lesson.endsOn)
                : List.of(plannedDate);
        Map<LocalDate, OccurrenceChange> rows = new HashMap<>();
        changes.list("lessonId = ?1 and plannedDate >= ?2 and plannedDate <= ?3", lessonId, dates.get(0),
                dates.get(dates.size() - 1)).forEach(r -> rows.put(r.plannedDate, r));
        LessonView view = lesson.view();

        BiFunction<LocalDate, Changes, Changes> next = rule.apply(new Target(view, calendar));

        Set<UUID> groups = new HashSet<>(view.classIds());
        groups.addAll(view.groupIds());
        for (int i = 0; i < dates.size(); i++) {
            LocalDate day = dates.get(i);
            Changes current = rows.containsKey(day) ? rows.get(day).changes() : Changes.NONE;
            Occurrence before = Occurrence.of(view, day, calendar, current);
            if (!startsInTheFuture(before)) {
                throw Problems.conflict("occurrence-in-the-past", "La séance du " + before.date() + " à "
                        + before.startsAt() + " est passée ou commencée : seules les séances à venir changent.");
            }
            if (before.cancelled()) {
                if (kind == LessonChangeKind.CANCELLED) {
                    continue;
                }
                throw Problems.conflict("occurrence-cancelled", "La séance du " + before.date() + " est annulée.");
            }
            Changes after = next.apply(day, current);
            if (after == null) {
                continue;
            }
            Occurrence changed = Occurrence.of(view, day, calendar, after);
            if (!calendar.contains(changed.date())) {
                throw Problems.invalidField("date", "en dehors de l'année scolaire " + calendar.year());
            }
            if (!startsInTheFuture(changed)) {
                throw Problems.conflict("occurrence-in-the-past", "Une séance ne se déplace pas dans le passé ("
                        + changed.date() + " " + changed.startsAt() + ").");
            }
            TimetableEvents.Change change = new TimetableEvents.Change(before, changed);
            if (!changed.cancelled()) {
                batch.proposed.add(new Conflicts.Proposed(lessonId, changed.date(), changed.startsAt(), changed.endsAt(),
                        changed.roomId(), changed.teacherIds(), groups));
            }
            OccurrenceChange row = rows.computeIfAbsent(day, d -> {
                OccurrenceChange created = new OccurrenceChange();
                created.id = UUID.randomUUID();
                created.lessonId = lessonId;
                created.plannedDate = d;
                return created;
            });
            row.cancelled = after.cancelled();
            row.movedTo = after.movedTo();
            row.movedSlot = after.movedSlot();
            row.movedEndSlot = after.movedEndSlot();
            row.roomId = after.roomId();
            row.substituteId = after.substituteId();
            row.changedBy = access.me();
            row.changedAt = clock.now();
            batch.done.add(new Batch.Done(kind, change, row));
        }
    }

    private boolean startsInTheFuture(Occurrence o) {
        return clock.at(o.date().atTime(o.startsAt())).isAfter(clock.now());
    }
}
