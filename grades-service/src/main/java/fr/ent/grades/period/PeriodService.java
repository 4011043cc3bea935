package fr.ent.grades.period;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.grades.events.GradesEvents;
import fr.ent.grades.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PeriodService {

    private final PeriodRepository periods;
    private final Access access;
    private final Directory directory;
    private final SchoolClock clock;
    private final GradesEvents events;

    public PeriodService(PeriodRepository periods, Access access, Directory directory, SchoolClock clock, GradesEvents events) {
        this.periods = periods;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    /** Anyone of the school reads its periods. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PeriodView> list(UUID schoolId, UUID classGroupId) {
        access.requireMemberOf(schoolId);
        return periods.ofSchool(schoolId, classGroupId).stream().map(p -> p.view(clock.today())).toList();
    }

    @Transactional
    public PeriodView create(UUID schoolId, PeriodInput in) {
        access.requireStaffOf(schoolId);
        if (in.classGroupId() != null) {
            DirectoryClassGroup group = directory.classGroup(in.classGroupId()).orElse(null);
            if (group == null || !group.schoolId().equals(schoolId)) {
                throw Problems.invalidField("classGroupId", "classe ou groupe inconnu dans cet établissement");
            }
        }
        if (in.endsOn().isBefore(in.startsOn())) {
            throw Problems.invalidField("endsOn", "la période finit avant de commencer");
        }
        int startYear = Integer.parseInt(in.schoolYear().substring(0, 4));
        if (Integer.parseInt(in.schoolYear().substring(5)) != startYear + 1
                || in.startsOn().isBefore(java.time.LocalDate.of(startYear, 8, 1))
                || in.endsOn().isAfter(java.time.LocalDate.of(startYear + 1, 8, 31))) {
            throw Problems.invalidField("schoolYear", "la période doit tenir dans l'année scolaire (1er août – 31 août)");
        }
        if (in.locksOn() != null && in.locksOn().isBefore(in.startsOn())) {
            throw Problems.invalidField("locksOn", "la date de verrouillage précède le début de la période");
        }
        if (periods.overlaps(schoolId, in.classGroupId(), in.schoolYear(), in.startsOn(), in.endsOn())) {
            throw Problems.conflict("period-overlap", "Une autre période couvre déjà une partie de ces dates.");
        }
        Period p = new Period();
        p.id = UUID.randomUUID();
        p.schoolId = schoolId;
        p.classGroupId = in.classGroupId();
        p.schoolYear = in.schoolYear();
        p.name = in.name().strip();
        p.startsOn = in.startsOn();
        p.endsOn = in.endsOn();
        p.locksOn = in.locksOn() == null ? in.endsOn() : in.locksOn();
        periods.persist(p);
        return p.view(clock.today());
    }

    /** Staff lock a period: its marks no longer change. Locking a locked period changes nothing. */
    @Transactional
    public PeriodView lock(UUID periodId) {
        Period p = periods.findByIdOptional(periodId).orElseThrow(() -> Problems.notFound("Période introuvable."));
        if (!access.isStaffOf(p.schoolId)) {
            throw Problems.notFound("Période introuvable.");
        }
        if (p.lockedAt == null) {
            p.lockedAt = clock.instant();
            p.lockedBy = access.me();
            events.periodLocked(p);
        }
        return p.view(clock.today());
    }

    /** The period, if the caller is a member of its school; else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Period readable(UUID periodId) {
        Period p = periods.findByIdOptional(periodId).orElseThrow(() -> Problems.notFound("Période introuvable."));
        access.requireMemberOf(p.schoolId);
        return p;
    }
}
