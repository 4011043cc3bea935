package fr.ent.homework.work;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.Relationships;
import fr.ent.files.Download;
import fr.ent.homework.events.HomeworkEvents;
import fr.ent.homework.log.LogEntry;
import fr.ent.homework.log.LogService;
import fr.ent.homework.settings.WorkloadSettings;
import fr.ent.homework.settings.WorkloadSettingsRepository;
import fr.ent.homework.support.Access;
import fr.ent.homework.support.Attachments;
import fr.ent.homework.support.FileView;
import fr.ent.homework.support.Lessons;
import fr.ent.lessons.LessonOccurrence;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Work to do: set by a teacher of the subject, read by the school side and by the pupils it is for (and their guardians). */
@ApplicationScoped
public class WorkService {

    static final LocalTime DEFAULT_DUE_TIME = LocalTime.of(8, 0);

    private final WorkRepository works;
    private final WorkloadSettingsRepository settings;
    private final LogService log;
    private final Access access;
    private final Directory directory;
    private final Attachments attachments;
    private final SchoolClock clock;
    private final HomeworkEvents events;
    private final Lessons lessons;

    public WorkService(WorkRepository works, WorkloadSettingsRepository settings, LogService log, Access access,
                       Directory directory, Attachments attachments, SchoolClock clock, HomeworkEvents events,
                       Lessons lessons) {
        this.lessons = lessons;
        this.works = works;
        this.settings = settings;
        this.log = log;
        this.access = access;
        this.directory = directory;
        this.attachments = attachments;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Sets the work, with its attachments and its event, in one transaction; answers it with the
     * class's load on its due day. Refused before anything is written: a class or subject not the
     * caller's, a lesson of another class or subject, a due time before the publication time or a
     * due day before the day it is set, pupils not in the class.
     */
    @Transactional
    public WorkSetView create(WorkInput in) {
        DirectoryClassGroup group = access.classGroup(in.classGroupId());
        if (!access.writesFor(group.id(), in.subject())) {
            throw Problems.invalidField("classGroupId", "classe ou groupe inconnu, ou matière que vous n'y enseignez pas");
        }
        LocalDate setOn = in.setOn() != null ? in.setOn() : clock.today();
        UUID logEntryId = null;
        String occurrenceId = null;
        if (in.logEntryId() != null) {
            LogEntry lesson = log.find(in.logEntryId())
                    .filter(e -> e.teacherId.equals(access.personId()))
                    .orElseThrow(() -> Problems.invalidField("logEntryId", "séance inconnue"));
            if (!lesson.classGroupId.equals(group.id()) || !lesson.subject.equals(in.subject())) {
                throw Problems.invalidField("logEntryId", "cette séance est celle d'une autre classe ou d'une autre matière");
            }
            logEntryId = lesson.id;
            setOn = lesson.lessonOn;
            occurrenceId = lesson.occurrenceId;
        }
        LessonOccurrence setIn = lessons.find(occurrenceId).orElse(null);
        if (in.occurrenceId() != null) {
            setIn = lessons.taughtByCaller(in.occurrenceId(), group.id(), "occurrenceId");
            if (occurrenceId != null && !occurrenceId.equals(setIn.occurrenceId())) {
                throw Problems.invalidField("occurrenceId", "ce n'est pas la séance de l'entrée logEntryId");
            }
            occurrenceId = setIn.occurrenceId();
            setOn = setIn.date();
        }
        LocalDate dueOn = in.dueOn();
        LocalTime dueTime = in.dueTime() != null ? in.dueTime() : DEFAULT_DUE_TIME;
        String dueOccurrenceId = null;
        if (Boolean.TRUE.equals(in.dueForNextLesson())) {
            if (in.dueOn() != null || in.dueTime() != null) {
                throw Problems.invalidField("dueOn", "sans objet : le travail est pour la prochaine séance");
            }
            LessonOccurrence next = nextLesson(group, setIn, setOn)
                    .orElseThrow(() -> Problems.invalidField("dueForNextLesson", "aucune prochaine séance de cette classe dans l'emploi du temps"));
            dueOn = next.date();
            dueTime = next.startsAt();
            dueOccurrenceId = next.occurrenceId();
        } else if (dueOn == null) {
            throw Problems.invalidField("dueOn", "obligatoire (ou dueForNextLesson)");
        }
        Instant now = clock.instant();
        Instant visibleFrom = in.visibleFrom() != null ? in.visibleFrom().toInstant() : now;
        Instant dueAt = clock.at(dueOn.atTime(dueTime)).toInstant();
        if (dueOn.isBefore(setOn)) {
            throw Problems.invalidField("dueOn", "l'échéance précède le jour où le travail est donné");
        }
        if (!dueAt.isAfter(visibleFrom)) {
            throw Problems.invalidField("dueOn", "l'échéance précède la publication aux élèves");
        }
        List<UUID> chosen = in.pupilIds() == null ? List.of() : in.pupilIds();
        if (new LinkedHashSet<>(chosen).size() != chosen.size()) {
            throw Problems.invalidField("pupilIds", "un élève figure deux fois");
        }
        LocalDate today = clock.today();
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i) == null || !directory.isPupilOf(chosen.get(i), group.id(), today)) {
                throw Problems.invalidField("pupilIds[" + i + "]", "élève inconnu dans cette classe ou ce groupe");
            }
        }
        WorkloadSettings s = settings.of(group.schoolId());
        Work w = new Work();
        w.id = UUID.randomUUID();
        w.schoolId = group.schoolId();
        w.classGroupId = group.id();
        w.subject = in.subject();
        w.teacherId = access.personId();
        w.logEntryId = logEntryId;
        w.occurrenceId = occurrenceId;
        w.dueOccurrenceId = dueOccurrenceId;
        w.setOn = setOn;
        w.dueOn = dueOn;
        w.dueAt = dueAt;
        w.kind = in.kind();
        w.title = in.title().strip();
        w.instructions = in.instructions();
        w.estimatedMinutes = in.estimatedMinutes();
        w.visibleFrom = visibleFrom;
        w.setAt = now;
        w.outsideSchoolHours = Workload.outsideSchoolHours(clock.local(clock.now()), thresholds(s));
        works.persist(w);
        works.flush();
        works.choosePupils(w.id, chosen);
        attachments.attach(w.id, attachments.confirm(attachments.attachmentPolicy(), in.attachmentIds(), access.personId(), "attachmentIds"));
        events.workSet(w, chosen.isEmpty() ? directory.pupilsOf(group.id(), today) : chosen);
        return new WorkSetView(view(w), load(group, w.dueOn, s));
    }

    /**
     * "For the next lesson": the class's next lesson of the subject after the lesson the work is set
     * in (its start; same subject as the timetable names it, or taught by the caller), else after
     * the day it is set (now, when that is today).
     */
    private java.util.Optional<LessonOccurrence> nextLesson(DirectoryClassGroup group, LessonOccurrence setIn, LocalDate setOn) {
        if (setIn != null) {
            return lessons.next(group.id(), setIn.date(), setIn.startsAt(), setIn.subject());
        }
        var now = clock.local(clock.now());
        return setOn.isAfter(now.toLocalDate())
                ? lessons.next(group.id(), setOn, LocalTime.MIN, null)
                : lessons.next(group.id(), now.toLocalDate(), now.toLocalTime(), null);
    }

    /** The class's or group's load on that day: its school side. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Workload workload(UUID classGroupId, LocalDate day) {
        DirectoryClassGroup group = access.requireSchoolReader(classGroupId);
        if (day == null) {
            throw Problems.invalidField("day", "obligatoire");
        }
        return load(group, day, settings.of(group.schoolId()));
    }

    /**
     * The load of a class or group on a day: the work due that day for it, for the other classes and
     * groups of its pupils, or for chosen pupils among them.
     */
    Workload load(DirectoryClassGroup group, LocalDate day, WorkloadSettings s) {
        LocalDate today = clock.today();
        Set<UUID> pupils = directory.pupilsOf(group.id(), today);
        Set<UUID> targets = new HashSet<>();
        targets.add(group.id());
        for (UUID pupil : pupils) {
            directory.classOf(pupil, today).ifPresent(targets::add);
            targets.addAll(directory.groupsOf(pupil, today));
        }
        List<Work> due = works.due(targets, day, day);
        Map<UUID, Set<UUID>> chosen = works.chosenPupils(due.stream().map(w -> w.id).toList());
        List<Work> reaching = due.stream()
                .filter(w -> !chosen.containsKey(w.id) || chosen.get(w.id).stream().anyMatch(pupils::contains)).toList();
        return Workload.of(day, reaching, thresholds(s));
    }

    private static Workload.Thresholds thresholds(WorkloadSettings s) {
        return new Workload.Thresholds(s.maxWorksPerDay, s.maxMinutesPerDay, s.maxTestsPerDay, s.schoolDayStartsAt, s.schoolDayEndsAt);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkView get(UUID id) {
        return view(readable(id));
    }

    /** A class's work due between two days: its school side. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WorkView> ofClass(UUID classGroupId, LocalDate from, LocalDate to) {
        access.requireSchoolReader(classGroupId);
        LocalDate start = from != null ? from : clock.today();
        LocalDate end = to != null ? to : start.plusDays(30);
        if (end.isBefore(start) || start.plusDays(200).isBefore(end)) {
            throw Problems.invalidField("to", "la période va du début à la fin, 200 jours au plus");
        }
        List<Work> list = works.due(List.of(classGroupId), start, end);
        return views(list);
    }

    /**
     * The work, if the caller reads it: the school side of its class; a pupil it is for, once
     * visible; a guardian of such a pupil, once visible. Else 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Work readable(UUID id) {
        Work w = works.findByIdOptional(id).orElseThrow(WorkService::notFound);
        if (readsAsSchool(w)) {
            return w;
        }
        if (w.visibleAt(clock.instant()) && access.isPerson()) {
            UUID me = access.personId();
            if (access.isThePupil(me) && isFor(w, me)) {
                return w;
            }
            if (directory.childrenOf(me).stream().anyMatch(child -> access.isGuardianOf(child) && isFor(w, child))) {
                return w;
            }
        }
        throw notFound();
    }

    /** The school side of the work's class: its teachers, the school's staff, integrations and admin. */
    public boolean readsAsSchool(Work w) {
        return access.readsAsSchool(access.classGroup(w.classGroupId));
    }

    /** The work, if the caller is a teacher of its subject in its class (closes hand-ins, returns feedback); else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Work teachersOwn(UUID id) {
        Work w = works.findByIdOptional(id).orElseThrow(WorkService::notFound);
        if (!access.writesFor(w.classGroupId, w.subject)) {
            throw notFound();
        }
        return w;
    }

    /** Whether the work is for that pupil: chosen, or in its class or group today. */
    public boolean isFor(Work w, UUID pupilId) {
        Set<UUID> chosen = works.chosenPupils(List.of(w.id)).get(w.id);
        if (chosen != null) {
            return chosen.contains(pupilId);
        }
        return directory.isPupilOf(pupilId, w.classGroupId, clock.today());
    }

    /** The pupils the work is for: those chosen, or its class or group today. */
    public Set<UUID> pupilsOf(Work w) {
        Set<UUID> chosen = works.chosenPupils(List.of(w.id)).get(w.id);
        return chosen != null ? chosen : directory.pupilsOf(w.classGroupId, clock.today());
    }

    /** A pre-signed download of an attachment of a work the caller reads. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download attachment(UUID id, UUID fileId) {
        Work w = readable(id);
        if (!attachments.isAttachedTo(fileId, w.id)) {
            throw Problems.notFound("Fichier introuvable.");
        }
        return attachments.download(fileId);
    }

    public WorkView view(Work w) {
        return views(List.of(w)).get(0);
    }

    public List<WorkView> views(List<Work> list) {
        List<UUID> ids = list.stream().map(w -> w.id).toList();
        Map<UUID, Set<UUID>> chosen = works.chosenPupils(ids);
        Map<UUID, List<FileView>> files = attachments.of(ids);
        List<WorkView> views = new ArrayList<>();
        for (Work w : list) {
            views.add(WorkView.of(w, chosen.getOrDefault(w.id, Set.of()).stream().sorted().toList(),
                    files.getOrDefault(w.id, List.of())));
        }
        return views;
    }

    static RuntimeException notFound() {
        return Relationships.notYours("Travail introuvable.");
    }
}
