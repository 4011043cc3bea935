package fr.ent.homework.visa;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.homework.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Visas: the school's staff (the head) stamp a teacher's cahier de textes for a class; the history is kept and read by the school side. */
@ApplicationScoped
public class VisaService {

    private final VisaRepository visas;
    private final Access access;
    private final Directory directory;
    private final SchoolClock clock;

    public VisaService(VisaRepository visas, Access access, Directory directory, SchoolClock clock) {
        this.visas = visas;
        this.access = access;
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public VisaView stamp(UUID classGroupId, VisaInput in) {
        DirectoryClassGroup group = access.classGroup(classGroupId);
        access.requireStaffOf(group.schoolId());
        if (!directory.teaches(in.teacherId(), group.id())) {
            throw Problems.invalidField("teacherId", "cet enseignant n'enseigne pas dans cette classe");
        }
        if (in.stampedOn().isAfter(clock.today())) {
            throw Problems.invalidField("stampedOn", "un visa ne porte pas sur un jour à venir");
        }
        Visa v = new Visa();
        v.id = UUID.randomUUID();
        v.schoolId = group.schoolId();
        v.classGroupId = group.id();
        v.teacherId = in.teacherId();
        v.stampedOn = in.stampedOn();
        v.comment = in.comment().strip();
        v.stampedBy = access.me();
        v.stampedAt = clock.instant();
        visas.persist(v);
        return v.view();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VisaView> ofClass(UUID classGroupId) {
        access.requireSchoolReader(classGroupId);
        return visas.ofClass(classGroupId).stream().map(Visa::view).toList();
    }
}
