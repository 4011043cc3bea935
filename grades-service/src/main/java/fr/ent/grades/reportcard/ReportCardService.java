package fr.ent.grades.reportcard;

import fr.ent.audit.AuditTrail;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.DirectorySchool;
import fr.ent.events.contract.identity.GroupKind;
import fr.ent.grades.assessment.Assessment;
import fr.ent.grades.average.AverageRules;
import fr.ent.grades.average.Entry;
import fr.ent.grades.average.Ranks;
import fr.ent.grades.average.Statistics;
import fr.ent.grades.average.SubjectAverage;
import fr.ent.grades.events.GradesEvents;
import fr.ent.grades.mark.MarkRepository;
import fr.ent.grades.mark.StoredMark;
import fr.ent.grades.period.Period;
import fr.ent.grades.period.PeriodRepository;
import fr.ent.grades.settings.SchoolSettings;
import fr.ent.grades.settings.SettingsRepository;
import fr.ent.grades.settings.SubjectCoefficients;
import fr.ent.grades.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Report cards (bulletins) of a class for a period: teachers write their appreciation of each
 * pupil in their subject, the staff the class council's; the staff generate the PDFs in the
 * background (one per pupil and recipient: the pupil and each guardian), then publish them at once.
 * Families download their own copy once published; before, the report card does not exist for them.
 * Published report cards no longer change.
 */
@ApplicationScoped
public class ReportCardService {

    /** A job still queued or running this long after it started lost its instance (a restart): reported FAILED. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);
    static final int MAX_APPRECIATION = 1000;
    private static final Logger LOG = Logger.getLogger(ReportCardService.class);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private final Access access;
    private final Directory directory;
    private final PeriodRepository periods;
    private final MarkRepository marks;
    private final SettingsRepository settings;
    private final SubjectCoefficients coefficients;
    private final ReportCardRepository repository;
    private final AbsenceProjection absences;
    private final ReportCardPdf pdf;
    private final ReportCardFiles files;
    private final GradesEvents events;
    private final SchoolClock clock;
    private final AuditTrail audit;
    private final int keepYears;
    /** Generations run one at a time: a class's cards are a few seconds of work, and they are rare. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "grades-report-cards"));

    public ReportCardService(Access access, Directory directory, PeriodRepository periods,
                             MarkRepository marks, SettingsRepository settings, SubjectCoefficients coefficients,
                             ReportCardRepository repository, AbsenceProjection absences, ReportCardPdf pdf, ReportCardFiles files,
                             GradesEvents events, SchoolClock clock, AuditTrail audit,
                             @ConfigProperty(name = "grades.report-cards.keep-years", defaultValue = "5") int keepYears) {
        this.access = access;
        this.directory = directory;
        this.periods = periods;
        this.marks = marks;
        this.settings = settings;
        this.coefficients = coefficients;
        this.repository = repository;
        this.absences = absences;
        this.pdf = pdf;
        this.files = files;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
        this.keepYears = keepYears;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    // --- appreciations

    /** A teacher of that subject in the pupil's class or one of their groups; else 404. Not after publication (409). */
    @Transactional
    public ReportCardView.Appreciation writeSubjectAppreciation(UUID periodId, UUID pupilId, String subject, String text) {
        access.requireReaderOf(pupilId);
        Period period = periodOf(pupilId, periodId);
        LocalDate day = dayIn(period);
        UUID classId = directory.classOf(pupilId, day).orElseThrow(() -> Problems.notFound("Élève introuvable."));
        Set<UUID> where = new TreeSet<>(directory.groupsOf(pupilId, day));
        where.add(classId);
        if (where.stream().noneMatch(cg -> directory.teaches(access.personId(), cg, subject))) {
            throw Problems.notFound("Élève ou matière introuvable.");
        }
        requireNotPublished(periodId, classId);
        String written = appreciation(text);
        repository.writeSubjectAppreciation(periodId, pupilId, subject, period.schoolId, written, access.me(), clock.instant());
        audit.changed(period.schoolId, pupilId, "grades.report-card.appreciation", periodId);
        return new ReportCardView.Appreciation(written);
    }

    /**
     * The school's staff or the professeur principal of the pupil's class (the class council's
     * general appreciation); else 404. Not after publication (409).
     */
    @Transactional
    public ReportCardView.Appreciation writeCouncilAppreciation(UUID periodId, UUID pupilId, String text) {
        access.requireReaderOf(pupilId);
        Period period = periodOf(pupilId, periodId);
        UUID classId = directory.classOf(pupilId, dayIn(period)).orElseThrow(() -> Problems.notFound("Élève introuvable."));
        if (!access.isHeadTeacherOf(classId)) {
            access.requireStaffOf(period.schoolId);
        }
        requireNotPublished(periodId, classId);
        String written = appreciation(text);
        repository.writeCouncilAppreciation(periodId, pupilId, period.schoolId, written, access.me(), clock.instant());
        audit.changed(period.schoolId, pupilId, "grades.report-card.council-appreciation", periodId);
        return new ReportCardView.Appreciation(written);
    }

    private static String appreciation(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw Problems.invalidField("text", "l'appréciation est vide");
        }
        if (t.length() > MAX_APPRECIATION) {
            throw Problems.invalidField("text", "au plus " + MAX_APPRECIATION + " caractères");
        }
        return t;
    }

    private void requireNotPublished(UUID periodId, UUID classId) {
        if (repository.publishedAt(periodId, classId).isPresent()) {
            throw Problems.conflict("report-cards-published", "Les bulletins de cette classe sont publiés : ils ne changent plus.");
        }
    }

    /**
     * Every appreciation of the class's pupils for the period (subjects and council), for the class
     * council: the staff side of the school and the class's professeur principal; else 404.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReportCardView.PupilAppreciations> classAppreciations(UUID classGroupId, UUID periodId) {
        DirectoryClassGroup group = directory.classGroup(classGroupId)
                .filter(g -> access.readsAsStaffOf(g.schoolId()) || access.isHeadTeacherOf(g.id()))
                .orElseThrow(() -> Problems.notFound("Classe introuvable."));
        if (group.kind() != GroupKind.CLASS) {
            throw Problems.badRequest("not-a-class", "Les bulletins se font par classe, pas par groupe.");
        }
        Period period = periodOfClass(group, periodId);
        List<UUID> pupils = directory.pupilsOf(classGroupId, dayIn(period)).stream().sorted().toList();
        Map<UUID, DirectoryPerson> people = directory.people(pupils);
        List<ReportCardView.PupilAppreciations> out = new ArrayList<>();
        for (UUID pupil : pupils) {
            out.add(new ReportCardView.PupilAppreciations(pupil, name(people.get(pupil)),
                    new TreeMap<>(repository.subjectAppreciations(periodId, pupil)),
                    repository.councilAppreciation(periodId, pupil).orElse(null)));
            audit.read(group.schoolId(), pupil, "grades.report-card.appreciations", periodId);
        }
        return out;
    }

    // --- generation

    /** Staff of the class's school: starts the generation of every pupil's report cards (202 with the job). */
    public ReportCardView.Job start(UUID classGroupId, UUID periodId) {
        DirectoryClassGroup group = staffClass(classGroupId);
        Period period = periodOfClass(group, periodId);
        requireNotPublished(periodId, classGroupId);
        Instant now = clock.instant();
        if (repository.running(periodId, classGroupId, now.minus(ABANDONED_AFTER))) {
            throw Problems.conflict("report-cards-generating", "Les bulletins de cette classe sont déjà en cours de génération.");
        }
        List<UUID> pupils = directory.pupilsOf(classGroupId, dayIn(period)).stream().sorted().toList();
        ReportCardJob job = new ReportCardJob(UUID.randomUUID(), group.schoolId(), periodId, classGroupId,
                ReportCardJob.State.QUEUED, pupils.size(), 0, null, access.me(), now, null);
        QuarkusTransaction.requiringNew().run(() -> repository.createJob(job));
        runner.submit(() -> run(job, group, period, pupils));
        return ReportCardView.Job.of(job);
    }

    /** The job, for the staff of its school (else 404). */
    public ReportCardView.Job job(UUID jobId) {
        ReportCardJob job = repository.job(jobId).orElseThrow(() -> Problems.notFound("Génération introuvable."));
        access.requireStaffOf(job.schoolId());
        if ((job.state() == ReportCardJob.State.QUEUED || job.state() == ReportCardJob.State.RUNNING)
                && job.createdAt().isBefore(clock.instant().minus(ABANDONED_AFTER))) {
            String error = "la génération a été interrompue (redémarrage du service) : relancez-la.";
            Instant now = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> repository.jobState(jobId, ReportCardJob.State.FAILED, job.total(),
                    job.processed(), error, now));
            return repository.job(jobId).map(ReportCardView.Job::of).orElseThrow();
        }
        return ReportCardView.Job.of(job);
    }

    private void run(ReportCardJob job, DirectoryClassGroup group, Period period, List<UUID> pupils) {
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.jobState(job.id(), ReportCardJob.State.RUNNING,
                    pupils.size(), 0, null, null));
            ClassResults results = QuarkusTransaction.requiringNew().call(() -> classResults(group, period, pupils));
            Context context = QuarkusTransaction.requiringNew().call(() -> context(group, period));
            for (int i = 0; i < pupils.size(); i++) {
                UUID pupil = pupils.get(i);
                Map<UUID, byte[]> copies = QuarkusTransaction.requiringNew().call(() -> copies(context, results, pupil));
                int done = i + 1;
                String fileName = QuarkusTransaction.requiringNew().call(() -> fileName(period, directory.people(List.of(pupil)).get(pupil)));
                List<UUID> replaced = QuarkusTransaction.requiringNew().call(() -> {
                    Map<UUID, ReportCardRepository.StoredCopy> stored = new LinkedHashMap<>();
                    copies.forEach((recipient, bytes) -> stored.put(recipient, files.store(group.schoolId(), fileName, bytes)));
                    List<UUID> old = repository.replaceDocuments(period.id, pupil, group.schoolId(), group.id(), job.id(),
                            period.schoolYear, stored, clock.instant(), keepUntil(period.schoolYear));
                    repository.progress(job.id(), done);
                    return old;
                });
                files.delete(replaced);
            }
            QuarkusTransaction.requiringNew().run(() -> repository.jobState(job.id(), ReportCardJob.State.DONE,
                    pupils.size(), pupils.size(), null, clock.instant()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "report cards job %s failed", job.id());
            String error = "la génération a échoué : " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> repository.job(job.id()).ifPresent(j -> repository.jobState(j.id(),
                    ReportCardJob.State.FAILED, j.total(), j.processed(), error, clock.instant())));
        }
    }

    /**
     * Report cards are kept until the 31st of August of the school year {@code keepYears} years
     * after theirs ("2026-2027" with 5: until 2032-08-31).
     */
    LocalDate keepUntil(String schoolYear) {
        int last = Integer.parseInt(schoolYear.substring(schoolYear.indexOf('-') + 1));
        return LocalDate.of(last + keepYears, 8, 31);
    }

    /** Each pupil's subject averages and general average, and the class's mean of each. */
    record ClassResults(Map<UUID, List<SubjectAverage>> subjects, Map<UUID, BigDecimal> generals,
                        Map<String, BigDecimal> classSubjects, BigDecimal classGeneral, boolean ranked,
                        Map<String, List<BigDecimal>> perSubject, List<BigDecimal> allGenerals) {

        /** "3/28": the rank among the class's averages (as shown) and how many pupils have one; "" without an average. */
        static String rank(BigDecimal average, List<BigDecimal> all) {
            Integer rank = Ranks.of(average, all == null ? List.of() : all);
            return rank == null ? "" : rank + "/" + all.size();
        }
    }

    private ClassResults classResults(DirectoryClassGroup group, Period period, List<UUID> pupils) {
        Map<UUID, List<Entry>> entries = new HashMap<>();
        for (MarkRepository.Result r : marks.results(pupils, period.schoolId, period.startsOn, period.endsOn)) {
            Assessment a = r.assessment();
            StoredMark m = r.mark();
            if (a.isPublished()) {
                entries.computeIfAbsent(m.pupilId(), k -> new ArrayList<>()).add(new Entry(a.id, a.title, a.subject, a.heldOn,
                        a.coefficient, a.scale, a.optional, m.value(), m.marker(), false));
            }
        }
        SchoolSettings schoolSettings = settings.of(period.schoolId);
        AverageRules rules = schoolSettings.rules();
        Map<String, BigDecimal> weights = coefficients.of(group.id());
        Map<UUID, List<SubjectAverage>> subjects = new HashMap<>();
        Map<UUID, BigDecimal> generals = new HashMap<>();
        Map<String, List<BigDecimal>> perSubject = new TreeMap<>();
        List<BigDecimal> allGenerals = new ArrayList<>();
        for (UUID pupil : pupils) {
            List<SubjectAverage> s = rules.subjects(entries.getOrDefault(pupil, List.of()));
            subjects.put(pupil, s);
            s.stream().filter(sa -> sa.average() != null)
                    .forEach(sa -> perSubject.computeIfAbsent(sa.subject(), k -> new ArrayList<>()).add(sa.average()));
            BigDecimal general = rules.general(s, weights).average();
            if (general != null) {
                generals.put(pupil, general);
                allGenerals.add(general);
            }
        }
        Map<String, BigDecimal> classSubjects = new HashMap<>();
        perSubject.forEach((subject, values) -> classSubjects.put(subject, Statistics.of(values, 20).mean()));
        return new ClassResults(subjects, generals, classSubjects, Statistics.of(allGenerals, 20).mean(), schoolSettings.showRank,
                perSubject, allGenerals);
    }

    /** What every report card of the class shares. */
    record Context(DirectoryClassGroup group, Period period, String schoolName, String issuedOn,
                   Map<UUID, Map<UUID, Set<String>>> teachings, Map<UUID, DirectoryPerson> teachers) {

        /** Who teaches what in the class or group (teacher → subjects), asked once per job. */
        Map<UUID, Set<String>> teachingsOf(UUID classOrGroup, Directory directory) {
            return teachings.computeIfAbsent(classOrGroup, directory::subjectsByTeacher);
        }

        DirectoryPerson teacher(UUID id, Directory directory) {
            if (!teachers.containsKey(id)) {
                teachers.putAll(directory.people(List.of(id)));
                teachers.putIfAbsent(id, null);
            }
            return teachers.get(id);
        }
    }

    private Context context(DirectoryClassGroup group, Period period) {
        String school = directory.school(group.schoolId()).map(DirectorySchool::name).orElse("");
        Map<UUID, Map<UUID, Set<String>>> teachings = new HashMap<>();
        Map<UUID, Set<String>> ofClass = directory.subjectsByTeacher(group.id());
        teachings.put(group.id(), ofClass);
        Map<UUID, DirectoryPerson> teachers = new HashMap<>(directory.people(ofClass.keySet()));
        return new Context(group, period, school, clock.today().format(FRENCH_DATE), teachings, teachers);
    }

    /** The pupil's copies: their own, and one per current guardian with that guardian's name block. */
    private Map<UUID, byte[]> copies(Context context, ClassResults results, UUID pupilId) {
        Period period = context.period();
        LocalDate day = dayIn(period);
        Set<UUID> guardians = new TreeSet<>(directory.guardiansOf(pupilId));
        List<UUID> everyone = new ArrayList<>(guardians);
        everyone.add(pupilId);
        Map<UUID, DirectoryPerson> people = directory.people(everyone);
        String pupilName = name(people.get(pupilId));
        Map<String, String> appreciations = repository.subjectAppreciations(period.id, pupilId);
        Map<String, SubjectAverage> averages = new TreeMap<>();
        results.subjects().getOrDefault(pupilId, List.of()).forEach(sa -> averages.put(sa.subject(), sa));
        Set<String> subjects = new TreeSet<>(Comparator.comparing(FrenchNumbers::subject).thenComparing(Comparator.naturalOrder()));
        subjects.addAll(averages.keySet());
        subjects.addAll(appreciations.keySet());
        Set<UUID> where = new TreeSet<>(directory.groupsOf(pupilId, day));
        where.add(context.group().id());
        List<ReportCard.Line> lines = new ArrayList<>();
        for (String subject : subjects) {
            Set<String> names = new TreeSet<>();
            for (UUID cg : where) {
                context.teachingsOf(cg, directory).forEach((teacher, taught) -> {
                    if (taught.contains(subject)) {
                        names.add(teacherName(context.teacher(teacher, directory)));
                    }
                });
            }
            SubjectAverage sa = averages.get(subject);
            lines.add(new ReportCard.Line(FrenchNumbers.subject(subject), String.join(", ", names),
                    FrenchNumbers.mark(sa == null ? null : sa.average()), FrenchNumbers.mark(results.classSubjects().get(subject)),
                    ClassResults.rank(sa == null ? null : sa.average(), results.perSubject().get(subject)),
                    appreciations.getOrDefault(subject, "")));
        }
        Instant from = period.startsOn.atStartOfDay(clock.zone()).toInstant();
        Instant to = period.endsOn.plusDays(1).atStartOfDay(clock.zone()).toInstant();
        HalfDays.Count count = HalfDays.count(absences.of(pupilId, from, to), period.startsOn, period.endsOn, clock.zone());
        String council = repository.councilAppreciation(period.id, pupilId).orElse("");
        Map<UUID, byte[]> copies = new LinkedHashMap<>();
        List<UUID> recipients = new ArrayList<>(List.of(pupilId));
        recipients.addAll(guardians);
        for (UUID recipient : recipients) {
            List<String> block = recipient.equals(pupilId) ? List.of(pupilName)
                    : List.of(name(people.get(recipient)), "Responsable légal " + fr.ent.web.text.French.de(pupilName));
            ReportCard card = new ReportCard(context.schoolName(), period.schoolYear, period.name, context.group().name(),
                    pupilName, block, lines, FrenchNumbers.mark(results.generals().get(pupilId)),
                    FrenchNumbers.mark(results.classGeneral()), council, count.total(), count.unjustified(), context.issuedOn(),
                    results.ranked(), ClassResults.rank(results.generals().get(pupilId), results.allGenerals()));
            copies.put(recipient, pdf.render(card));
        }
        return copies;
    }

    private static String name(DirectoryPerson p) {
        return p == null ? "" : p.firstName() + " " + p.lastName();
    }

    private static String teacherName(DirectoryPerson p) {
        return p == null ? "" : p.firstName().charAt(0) + ". " + p.lastName();
    }

    // --- publication and reading

    /** Staff of the class's school: publishes every generated report card of the class at once (again: nothing changes). */
    @Transactional
    public ReportCardView publish(UUID classGroupId, UUID periodId) {
        DirectoryClassGroup group = staffClass(classGroupId);
        Period period = periodOfClass(group, periodId);
        if (repository.running(periodId, classGroupId, clock.instant().minus(ABANDONED_AFTER))) {
            throw Problems.conflict("report-cards-generating", "Les bulletins de cette classe sont en cours de génération.");
        }
        List<UUID> pupils = repository.pupilsWithDocuments(periodId, classGroupId);
        if (pupils.isEmpty()) {
            throw Problems.conflict("report-cards-not-generated", "Aucun bulletin n'a été généré pour cette classe et cette période.");
        }
        Instant now = clock.instant();
        if (repository.publish(periodId, classGroupId, group.schoolId(), now, access.me())) {
            events.reportCardsPublished(period, classGroupId, pupils, now);
        }
        return view(group, periodId);
    }

    /** Staff of the class's school: whether published, and the copies generated. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportCardView classReportCards(UUID classGroupId, UUID periodId) {
        DirectoryClassGroup group = staffClass(classGroupId, true);
        periodOfClass(group, periodId);
        return view(group, periodId);
    }

    private ReportCardView view(DirectoryClassGroup group, UUID periodId) {
        List<ReportCardView.Copy> copies = repository.documents(periodId, group.id());
        Map<UUID, DirectoryPerson> people = directory.people(copies.stream().map(ReportCardView.Copy::recipientId).toList());
        return new ReportCardView(periodId, group.id(), repository.publishedAt(periodId, group.id()).orElse(null),
                repository.lastJob(periodId, group.id()).map(ReportCardView.Job::of).orElse(null), copies.stream().map(c -> c.named(name(people.get(c.recipientId())))).toList());
    }

    /** A PDF to download, with its file name: the stream is the caller's to close. */
    public record Download(String fileName, java.io.InputStream pdf) {
    }

    /**
     * The caller's copy of the pupil's report card: the pupil their own, each guardian theirs, once
     * published (before: 404, like an unknown one); the school's staff any copy ({@code recipientId},
     * by default the pupil's), published or not.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download download(UUID pupilId, UUID periodId, UUID recipientId) {
        Access.Audience audience = access.requireReaderOf(pupilId);
        Period period = periodOf(pupilId, periodId);
        UUID recipient = switch (audience) {
            case PUPIL -> pupilId;
            case GUARDIAN -> access.personId();
            case SCHOOL -> {
                if (!access.readsAsStaffOf(period.schoolId)) {
                    throw Problems.notFound("Bulletin introuvable.");
                }
                yield recipientId == null ? pupilId : recipientId;
            }
        };
        ReportCardRepository.Document document = repository.document(periodId, pupilId, recipient)
                .orElseThrow(() -> Problems.notFound("Bulletin introuvable."));
        if (audience != Access.Audience.SCHOOL && repository.publishedAt(periodId, document.classGroupId()).isEmpty()) {
            throw Problems.notFound("Bulletin introuvable.");
        }
        audit.read(period.schoolId, pupilId, "grades.report-card.download", periodId);
        return new Download(fileName(period, access.pupil(pupilId)), files.open(document));
    }

    /** "bulletin-1er-trimestre-2026-2027-dubois-lea.pdf". */
    private static String fileName(Period period, DirectoryPerson pupil) {
        return fileName("bulletin " + period.name + " " + period.schoolYear + " " + pupil.lastName() + " " + pupil.firstName());
    }

    static String fileName(String words) {
        String ascii = Normalizer.normalize(words, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(Locale.ROOT);
        return ascii + ".pdf";
    }

    // --- lookups

    private DirectoryClassGroup staffClass(UUID classGroupId) {
        return staffClass(classGroupId, false);
    }

    /** The class, for its school's staff (and, reading only, its integrations and the admin); else 404. */
    private DirectoryClassGroup staffClass(UUID classGroupId, boolean reading) {
        DirectoryClassGroup group = directory.classGroup(classGroupId)
                .orElseThrow(() -> Problems.notFound("Classe introuvable."));
        if (reading) {
            if (!access.readsAsStaffOf(group.schoolId())) {
                throw Problems.notFound("Classe introuvable.");
            }
        } else {
            access.requireStaffOf(group.schoolId());
        }
        if (group.kind() != GroupKind.CLASS) {
            throw Problems.badRequest("not-a-class", "Les bulletins se font par classe, pas par groupe.");
        }
        return group;
    }

    /** The period, of the class's school and either the whole school's or this class's; else 404. */
    private Period periodOfClass(DirectoryClassGroup group, UUID periodId) {
        return periods.findByIdOptional(periodId)
                .filter(p -> p.schoolId.equals(group.schoolId()) && (p.classGroupId == null || p.classGroupId.equals(group.id())))
                .orElseThrow(() -> Problems.notFound("Période introuvable."));
    }

    private Period periodOf(UUID pupilId, UUID periodId) {
        DirectoryPerson pupil = access.pupil(pupilId);
        return periods.findByIdOptional(periodId).filter(p -> pupil.schoolIds().contains(p.schoolId))
                .orElseThrow(() -> Problems.notFound("Période introuvable."));
    }

    private LocalDate dayIn(Period period) {
        LocalDate today = clock.today();
        return today.isBefore(period.startsOn) ? period.startsOn : today.isAfter(period.endsOn) ? period.endsOn : today;
    }
}
