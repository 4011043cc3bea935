package fr.ent.homework.visa;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.homework.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Visas: the school's staff (the head) or an inspector of the school stamp a teacher's cahier de
 * textes for a class; the history is kept and read by the school side and the school's inspectors,
 * each visa with the name of who stamped it.
 */
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
        access.requireVisaStamper(group);
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
        return v.view(names(List.of(v)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VisaView> ofClass(UUID classGroupId) {
        access.requireLogReader(classGroupId);
        List<Visa> list = visas.ofClass(classGroupId);
        Map<UUID, DirectoryPerson> names = names(list);
        return list.stream().map(v -> v.view(names)).toList();
    }

    /** Who stamped, as the directory knows them now (the platform admin has no person: no name). */
    private Map<UUID, DirectoryPerson> names(List<Visa> list) {
        return directory.people(list.stream().map(v -> v.stampedBy).distinct().toList());
    }
}
