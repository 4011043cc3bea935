package fr.ent.attendance.register;

import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.entry.EntryKind;
import fr.ent.attendance.entry.EntryOrigin;
import fr.ent.attendance.entry.EntryStatus;
import fr.ent.web.problem.Problems;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a roll call, without a database: what a mark may be, when a register may be taken,
 * corrected, validated or reopened, and which entry (absence, lateness, early departure) a mark
 * makes on the pupil's record. {@link RegisterService} asks them and does the writing. A broken
 * rule is the problem detail the API answers (400 naming the field, or 409).
 */
public final class RollCallRules {

    private final ZoneId zone;

    /** @param zone the schools' time zone, in which lessons are given */
    public RollCallRules(ZoneId zone) {
        this.zone = zone;
    }

    /** A lesson ends after it starts. */
    public void checkLesson(LocalTime startsAt, LocalTime endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw Problems.invalidField("endsAt", "doit être après startsAt");
        }
    }

    /**
     * A mark alone: LATE carries {@code lateMinutes}, LEFT_EARLY a {@code leftAt} strictly within the
     * lesson, and no other mark carries either. {@code at} names the mark in the request
     * ({@code marks[3]}), empty for a single mark.
     */
    public void checkMark(Register lesson, MarkStatus status, Integer lateMinutes, LocalTime leftAt, String at) {
        String prefix = at.isEmpty() ? "" : at + ".";
        if (status == MarkStatus.LATE && lateMinutes == null) {
            throw Problems.invalidField(prefix + "lateMinutes", "obligatoire pour un retard");
        }
        if (status != MarkStatus.LATE && lateMinutes != null) {
            throw Problems.invalidField(prefix + "lateMinutes", "seulement pour un retard");
        }
        if (status == MarkStatus.LEFT_EARLY
                && (leftAt == null || !leftAt.isAfter(lesson.startsAt()) || !leftAt.isBefore(lesson.endsAt()))) {
            throw Problems.invalidField(prefix + "leftAt", "obligatoire pour un départ anticipé, pendant le cours");
        }
        if (status != MarkStatus.LEFT_EARLY && leftAt != null) {
            throw Problems.invalidField(prefix + "leftAt", "seulement pour un départ anticipé");
        }
    }

    /**
     * The roll call as sent, before the class list is read: the register still open (taken once),
     * the lesson not in the future, every mark valid, each pupil marked once. Returns the pupils marked.
     */
    public Set<UUID> checkRollCall(Register register, LocalDate today, List<MarkInput> marks) {
        if (register.status() != RegisterStatus.OPEN) {
            throw Problems.conflict("register-already-taken", "L'appel de ce cours a déjà été fait ("
                    + register.status() + ") ; corrigez une marque avec PATCH .../marks/{pupilId}.");
        }
        if (register.date().isAfter(today)) {
            throw Problems.badRequest("future-date", "On ne fait pas l'appel d'un cours à venir (" + register.date() + ").");
        }
        Set<UUID> marked = new HashSet<>();
        for (int i = 0; i < marks.size(); i++) {
            MarkInput m = marks.get(i);
            checkMark(register, m.status(), m.lateMinutes(), m.leftAt(), "marks[" + i + "]");
            if (!marked.add(m.pupilId())) {
                throw Problems.invalidField("marks[" + i + "].pupilId", "élève noté deux fois");
            }
        }
        return marked;
    }

    /** A pupil marked who is not on the class list that day, if any. */
    public Optional<UUID> notOnRoster(Set<UUID> marked, Set<UUID> roster) {
        return marked.stream().filter(pupil -> !roster.contains(pupil)).findFirst();
    }

    /** The roll call marks the whole class: every pupil on the list (none outside it, see {@link #notOnRoster}). */
    public void checkComplete(Set<UUID> marked, Set<UUID> roster) {
        if (marked.size() != roster.size()) {
            throw Problems.badRequest("incomplete-roll-call", "L'appel doit noter toute la classe : "
                    + (roster.size() - marked.size()) + " élève(s) sans marque.");
        }
    }

    /** A mark is corrected once the roll call is taken, until staff validate the register. */
    public void checkCorrectable(Register register) {
        if (register.status() == RegisterStatus.VALIDATED) {
            throw Problems.conflict("register-validated", "Ce registre est validé : la vie scolaire doit le rouvrir.");
        }
        if (register.status() == RegisterStatus.OPEN) {
            throw Problems.conflict("register-not-taken", "L'appel de ce cours n'a pas encore été fait.");
        }
    }

    /** A correction that says what the mark already says changes nothing (no history, no entry). */
    public boolean unchanged(Mark old, ChangeMark correction) {
        return old.sameAs(new MarkInput(old.pupilId(), correction.status(), correction.lateMinutes(), correction.leftAt()));
    }

    /**
     * Whether a correction cancels the entry the old mark stood for: only one this register made and
     * still in force, never an absence recorded ahead or a school trip that the mark joined.
     */
    public boolean cancelledByCorrection(AttendanceEntry entry, Register register) {
        return entry.origin() == EntryOrigin.REGISTER && register.id().equals(entry.registerId())
                && entry.status() != EntryStatus.CANCELLED;
    }

    /** Only a roll call taken and not yet validated is validated. */
    public void checkValidate(Register register) {
        if (register.status() != RegisterStatus.SUBMITTED) {
            throw Problems.conflict("register-not-submitted", "Seul un appel fait et non validé peut être validé.");
        }
    }

    /** Only a validated register is reopened (back to taken: its marks may be corrected again). */
    public void checkReopen(Register register) {
        if (register.status() != RegisterStatus.VALIDATED) {
            throw Problems.conflict("register-not-validated", "Seul un registre validé peut être rouvert.");
        }
    }

    /** When the lesson starts, in the schools' time zone. */
    public OffsetDateTime start(Register lesson) {
        return lesson.date().atTime(lesson.startsAt()).atZone(zone).toOffsetDateTime();
    }

    public OffsetDateTime end(Register lesson) {
        return lesson.date().atTime(lesson.endsAt()).atZone(zone).toOffsetDateTime();
    }

    /**
     * The entry a mark makes on the pupil's record, unjustified, by the register: ABSENT an absence
     * over the lesson, LATE a lateness from the start for {@code lateMinutes}, LEFT_EARLY an early
     * departure from {@code leftAt} to the end. PRESENT makes none, nor does ABSENT for a pupil whose
     * absence is already recorded over the lesson ({@code knownAbsence}): the mark joins it.
     */
    public Optional<AttendanceEntry> entryOf(Register lesson, UUID pupil, MarkStatus status, Integer lateMinutes,
                                             LocalTime leftAt, UUID knownAbsence, UUID by, OffsetDateTime at) {
        OffsetDateTime start = start(lesson);
        OffsetDateTime end = end(lesson);
        return switch (status) {
            case PRESENT -> Optional.empty();
            case ABSENT -> knownAbsence != null ? Optional.empty()
                    : Optional.of(entry(lesson, pupil, EntryKind.ABSENCE, start, end, null, by, at));
            case LATE -> Optional.of(entry(lesson, pupil, EntryKind.LATENESS, start, start.plusMinutes(lateMinutes),
                    lateMinutes, by, at));
            case LEFT_EARLY -> Optional.of(entry(lesson, pupil, EntryKind.EARLY_DEPARTURE,
                    lesson.date().atTime(leftAt).atZone(zone).toOffsetDateTime(), end, null, by, at));
        };
    }

    private static AttendanceEntry entry(Register r, UUID pupil, EntryKind kind, OffsetDateTime start, OffsetDateTime end,
                                         Integer lateMinutes, UUID by, OffsetDateTime at) {
        return new AttendanceEntry(UUID.randomUUID(), r.schoolId(), pupil, kind, start, end, lateMinutes, null,
                EntryStatus.UNJUSTIFIED, EntryOrigin.REGISTER, r.id(), null, null, by, at);
    }
}
