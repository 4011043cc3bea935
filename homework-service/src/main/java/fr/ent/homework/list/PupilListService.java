package fr.ent.homework.list;

import fr.ent.audit.AuditTrail;
import fr.ent.directory.Directory;
import fr.ent.directory.Relationships;
import fr.ent.homework.HomeworkConfig;
import fr.ent.homework.handin.HandInRepository;
import fr.ent.homework.support.Access;
import fr.ent.homework.work.Work;
import fr.ent.homework.work.WorkRepository;
import fr.ent.homework.work.WorkService;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The pupil's list: what is due over the next days, with the pupil's done flags and hand-in states. */
@ApplicationScoped
public class PupilListService {

    private final WorkRepository works;
    private final WorkService workService;
    private final HandInRepository handIns;
    private final Directory directory;
    private final Access access;
    private final SchoolClock clock;
    private final HomeworkConfig config;
    private final AuditTrail audit;

    public PupilListService(WorkRepository works, WorkService workService, HandInRepository handIns, Directory directory,
                            Access access, SchoolClock clock, HomeworkConfig config, AuditTrail audit) {
        this.works = works;
        this.workService = workService;
        this.handIns = handIns;
        this.directory = directory;
        this.access = access;
        this.clock = clock;
        this.config = config;
        this.audit = audit;
    }

    /**
     * The pupil's list from today: the pupil, their guardians and the school side of the pupil
     * (their read goes to the audit trail); else 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PupilList of(UUID pupilId) {
        if (access.requireReaderOf(pupilId) == Relationships.Viewer.SCHOOL) {
            audit.read(audit.schoolOf(directory.person(pupilId).map(p -> p.schoolIds()).orElse(Set.of())), pupilId, "homework.list.read");
        }
        LocalDate today = clock.today();
        LocalDate to = today.plusDays(config.listDays() - 1L);
        Instant now = clock.instant();
        Set<UUID> targets = new HashSet<>(directory.groupsOf(pupilId, today));
        directory.classOf(pupilId, today).ifPresent(targets::add);
        List<Work> due = works.due(targets, today, to).stream().filter(w -> w.visibleAt(now)).toList();
        Map<UUID, Set<UUID>> chosen = works.chosenPupils(due.stream().map(w -> w.id).toList());
        List<Work> mine = due.stream().filter(w -> !chosen.containsKey(w.id) || chosen.get(w.id).contains(pupilId)).toList();
        List<UUID> ids = mine.stream().map(w -> w.id).toList();
        Set<UUID> done = works.doneBy(pupilId, ids);
        Map<UUID, HandInRepository.State> handedIn = handIns.statesOf(pupilId, ids);
        Map<LocalDate, Map<String, List<PupilList.Item>>> byDay = new LinkedHashMap<>();
        for (Work w : mine) {
            HandInRepository.State state = handedIn.get(w.id);
            String handIn = w.kind != fr.ent.homework.work.WorkKind.HAND_IN ? null
                    : state == null ? "NONE" : state.late() ? "LATE" : "HANDED_IN";
            byDay.computeIfAbsent(w.dueOn, d -> new LinkedHashMap<>()).computeIfAbsent(w.subject, s -> new ArrayList<>())
                    .add(new PupilList.Item(w.id, w.title, w.kind, w.estimatedMinutes, w.dueAt, done.contains(w.id), handIn,
                            state != null && state.feedback()));
        }
        List<PupilList.Day> days = new ArrayList<>();
        byDay.forEach((day, subjects) -> days.add(new PupilList.Day(day, subjects.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new PupilList.Subject(e.getKey(), e.getValue())).toList())));
        return new PupilList(pupilId, today, to, days);
    }

    /**
     * The pupil marks a work done or to do; saying it twice changes nothing. Only the pupil: their
     * guardians and teachers read it (403); anyone else, or a work not for them, 404.
     */
    @Transactional
    public DoneView setDone(UUID pupilId, UUID workId, boolean done) {
        access.requireReaderOf(pupilId);
        if (!access.isThePupil(pupilId)) {
            throw Problems.forbidden("Seul l'élève indique si son travail est fait.");
        }
        Work w = workService.readable(workId);
        works.setDone(w.id, pupilId, done, clock.instant());
        return new DoneView(w.id, pupilId, done);
    }
}
