package fr.ent.timetable.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.timetable.calendar.CalendarService;
import fr.ent.timetable.calendar.YearCalendar;
import fr.ent.timetable.lesson.Lesson;
import fr.ent.timetable.lesson.LessonInput;
import fr.ent.timetable.lesson.LessonLifecycle;
import fr.ent.timetable.lesson.LessonRepository;
import fr.ent.timetable.lesson.LessonService;
import fr.ent.timetable.lesson.Recurrence;
import fr.ent.timetable.room.Room;
import fr.ent.timetable.room.RoomRepository;
import fr.ent.timetable.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.web.problem.Problem;
import fr.ent.web.problem.ProblemException;
import fr.ent.web.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

/**
 * Imports a school's timetable from a CSV or iCalendar file. Reading the file and resolving its
 * names happen in the request (a malformed file: 400; an unknown teacher, class, room or slot: 422
 * with the report); the apply runs as a job, one at a time, in one transaction: previously imported
 * lessons no longer in the file end from their next occurrence, then each new line's lesson is
 * planned through {@link LessonService#plan} (the same checks and conflict engine as a lesson
 * planned by hand, against existing lessons and the lines before it). Any error rolls everything back.
 * A dry run is the same work in a transaction that is rolled back.
 */
@ApplicationScoped
public class ImportService {

    /**
     * A job still QUEUED or RUNNING this long after it was made lost its instance (a crash, a restart):
     * the apply is one transaction that times out after 600 s, so nothing of it was written. The file is
     * not kept, so it cannot resume: it is reported FAILED, to be started again.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(30);
    /** A 1,500-pupil school's timetable is about 1,000 lines. */
    static final int MAX_LINES = 3000;
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    private final Access access;
    private final CalendarService calendars;
    private final RoomRepository rooms;
    private final LessonRepository lessons;
    private final LessonService planner;
    private final LessonLifecycle lifecycle;
    private final Jdbc jdbc;
    private final EntityManager em;
    private final SchoolClock clock;
    private final ObjectMapper json;
    /** Imports run one at a time: they are rare, and each checks against what the previous wrote. */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "timetable-import"));

    public ImportService(Access access, CalendarService calendars, RoomRepository rooms, LessonRepository lessons,
                         LessonService planner, LessonLifecycle lifecycle, Jdbc jdbc, EntityManager em, SchoolClock clock,
                         ObjectMapper json) {
        this.access = access;
        this.calendars = calendars;
        this.rooms = rooms;
        this.lessons = lessons;
        this.planner = planner;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
        this.em = em;
        this.clock = clock;
        this.json = json;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    /** A file read: its format ("CSV" or "ICALENDAR"), its lessons and the errors of its lines. */
    public record Upload(String format, List<ImportLine> lines, List<ImportReport.LineError> errors) {
    }

    /** Either the job started, or the report of what stops it (nothing written). */
    public record Started(ImportView job, ImportReport rejected) {
    }

    /** Staff of the school only (else 404). A file not in UTF-8, malformed or too long: 400. */
    public Upload read(UUID schoolId, byte[] body, boolean calendar) {
        access.requireStaffOf(schoolId);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw Problems.badRequest("file-not-utf8", "Le fichier doit être encodé en UTF-8 (un export Windows-1252 "
                    + "s'enregistre en « CSV UTF-8 » dans le tableur).");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        long rows = text.lines().count();
        if (rows > (calendar ? MAX_LINES * 20L : MAX_LINES + 1L)) {
            throw Problems.badRequest("too-many-lines", "Le fichier a " + rows + " lignes : au plus " + MAX_LINES + " cours par import.");
        }
        Csv.Parsed parsed = calendar ? Ics.parse(text, clock.zone()) : Csv.parse(text);
        if (parsed.lines().size() > MAX_LINES) {
            throw Problems.badRequest("too-many-lines", "Le fichier a " + parsed.lines().size() + " cours : au plus " + MAX_LINES + " par import.");
        }
        return new Upload(calendar ? "ICALENDAR" : "CSV", parsed.lines(), parsed.errors());
    }

    /** What the import would do: the full report; nothing is written. */
    public ImportReport dryRun(UUID schoolId, Upload upload) {
        UUID actor = access.me();
        return rolledBack(() -> execute(schoolId, upload, actor, true, n -> {
        }));
    }

    /** Starts the apply as a job, unless a line already fails (the report, nothing written). */
    public Started start(UUID schoolId, Upload upload) {
        UUID actor = access.me();
        ImportReport checked = rolledBack(() -> resolveOnly(schoolId, upload));
        if (!checked.errors().isEmpty()) {
            return new Started(null, checked);
        }
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.schoolId = schoolId;
        job.format = upload.format();
        job.state = ImportJob.State.QUEUED;
        job.total = upload.lines().size();
        job.createdBy = actor;
        job.createdAt = clock.now();
        QuarkusTransaction.requiringNew().run(() -> em.persist(job));
        runner.submit(() -> run(job.id, schoolId, upload, actor));
        return new Started(view(job), null);
    }

    /** The job, for the staff of its school (else 404). */
    public ImportView job(UUID schoolId, UUID importId) {
        access.requireStaffOf(schoolId);
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob found = em.find(ImportJob.class, importId);
            if (found != null && found.schoolId.equals(schoolId) && abandoned(found)) {
                found.state = ImportJob.State.FAILED;
                found.finishedAt = clock.now();
                found.report = write(new ImportReport(found.format, found.total, List.of(), List.of(), List.of(),
                        List.of(new ImportReport.LineError(0, null, "file", "l'import a été interrompu (redémarrage du "
                                + "service) : rien n'a été importé, relancez-le."))));
            }
            return found;
        });
        if (job == null || !job.schoolId.equals(schoolId)) {
            throw Problems.notFound("Import introuvable.");
        }
        return view(job);
    }

    private boolean abandoned(ImportJob job) {
        return (job.state == ImportJob.State.QUEUED || job.state == ImportJob.State.RUNNING)
                && job.createdAt.isBefore(clock.now().minus(ABANDONED_AFTER));
    }

    private void run(UUID jobId, UUID schoolId, Upload upload, UUID actor) {
        QuarkusTransaction.requiringNew().run(() -> em.find(ImportJob.class, jobId).state = ImportJob.State.RUNNING);
        ImportReport report;
        try {
            report = rolledBackIf(r -> !r.errors().isEmpty(), 600,
                    () -> execute(schoolId, upload, actor, false, n -> progress(jobId, n)));
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s failed", jobId);
            report = new ImportReport(upload.format(), upload.lines().size(), List.of(), List.of(), List.of(),
                    List.of(new ImportReport.LineError(0, null, "file", "l'import a échoué : " + e.getMessage())));
        }
        ImportReport done = report;
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = em.find(ImportJob.class, jobId);
            job.state = done.errors().isEmpty() ? ImportJob.State.DONE : ImportJob.State.FAILED;
            job.processed = done.errors().isEmpty() ? job.total : job.processed;
            job.report = write(done);
            job.finishedAt = clock.now();
        });
    }

    /** The work's result, in a new transaction that is always rolled back (a dry run writes nothing). */
    private ImportReport rolledBack(java.util.function.Supplier<ImportReport> work) {
        return rolledBackIf(r -> true, 0, work);
    }

    /** The work's result, in a new transaction committed unless {@code undo} says otherwise. */
    private ImportReport rolledBackIf(java.util.function.Predicate<ImportReport> undo, int timeoutSeconds,
                                      java.util.function.Supplier<ImportReport> work) {
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                ImportReport r = work.get();
                if (undo.test(r)) {
                    throw new Undone(r);
                }
                return r;
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Undone undone) {
                    return undone.report;
                }
            }
            throw e;
        }
    }

    /** Rolls the transaction back, carrying what it found. */
    private static final class Undone extends RuntimeException {
        final transient ImportReport report;

        Undone(ImportReport report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    private void progress(UUID jobId, int processed) {
        QuarkusTransaction.requiringNew().run(() -> em.find(ImportJob.class, jobId).processed = processed);
    }

    /** The lines resolved against the school's names and calendar, nothing planned: what the request answers at once. */
    private ImportReport resolveOnly(UUID schoolId, Upload upload) {
        Resolution r = resolve(schoolId, upload);
        return new ImportReport(upload.format(), upload.lines().size(), List.of(), List.of(), List.of(), r.errors);
    }

    /**
     * The import itself, in the caller's transaction: resolve every line; end the previously
     * imported lessons not in the file; plan each new line. {@code progress} hears the lines done.
     */
    private ImportReport execute(UUID schoolId, Upload upload, UUID actor, boolean dryRun, IntConsumer progress) {
        Resolution r = resolve(schoolId, upload);
        LocalDate today = clock.today();
        Map<String, Lesson> existing = new HashMap<>();
        lessons.list("schoolId = ?1 and importKey is not null and endsOn >= ?2", schoolId, today)
                .forEach(l -> existing.put(l.importKey, l));
        List<ImportReport.Lesson> unchanged = new ArrayList<>();
        List<Resolved> toCreate = new ArrayList<>();
        for (Resolved line : r.lines) {
            Lesson already = existing.remove(line.key);
            if (already != null) {
                unchanged.add(line.report(already.id, already.startsOn, already.endsOn));
            } else {
                toCreate.add(line);
            }
        }
        List<ImportReport.Ended> ended = new ArrayList<>();
        List<ImportReport.Lesson> created = new ArrayList<>();
        List<ImportReport.LineError> errors = new ArrayList<>(r.errors);
        if (errors.isEmpty()) {
            for (Lesson old : existing.values()) {
                UUID id = old.id;
                String subject = old.subject;
                var day = old.dayOfWeek;
                String slot = old.slot;
                String endSlot = old.endSlot;
                try {
                    lifecycle.endFuture(old).ifPresent(from -> ended.add(
                            new ImportReport.Ended(id, subject, day, slot, endSlot, from)));
                } catch (ProblemException e) {
                    errors.add(new ImportReport.LineError(0, null, "lesson " + id, e.detail()));
                }
            }
            int done = 0;
            for (Resolved line : toCreate) {
                try {
                    Lesson lesson = planner.plan(schoolId, line.input, false, actor, line.key);
                    created.add(line.report(dryRun ? null : lesson.id, lesson.startsOn, lesson.endsOn));
                } catch (ProblemException e) {
                    errors.add(new ImportReport.LineError(line.line.line(), line.line.uid(),
                            field(e, upload.format()), e.detail()));
                }
                if (++done % 25 == 0) {
                    progress.accept(unchanged.size() + done);
                }
            }
        } else {
            toCreate.forEach(line -> created.add(line.report(null, line.input.startsOn(), line.input.endsOn())));
            existing.values().forEach(l -> ended.add(
                    new ImportReport.Ended(l.id, l.subject, l.dayOfWeek, l.slot, l.endSlot, null)));
        }
        errors.sort(java.util.Comparator.comparingInt(ImportReport.LineError::line));
        return new ImportReport(upload.format(), upload.lines().size(), created, ended, unchanged, errors);
    }

    /** A line resolved: the lesson it plans and its import key. */
    private static Optional<YearCalendar.Slot> slotWhere(YearCalendar year, Predicate<YearCalendar.Slot> test) {
        return year.slots().values().stream().filter(test).findFirst();
    }

    private record Resolved(ImportLine line, LessonInput input, String key) {
        ImportReport.Lesson report(UUID lessonId, LocalDate startsOn, LocalDate endsOn) {
            return new ImportReport.Lesson(line.line(), line.uid(), key, input.subject(), input.dayOfWeek(), input.slot(),
                    input.endSlot(), input.recurrence(), startsOn, endsOn, lessonId);
        }
    }

    private record Resolution(List<Resolved> lines, List<ImportReport.LineError> errors) {
    }

    private Resolution resolve(UUID schoolId, Upload upload) {
        List<ImportReport.LineError> errors = new ArrayList<>(upload.errors());
        boolean ics = upload.format().equals("ICALENDAR");
        LocalDate today = clock.today();
        Optional<YearCalendar> current = calendars.yearOf(schoolId, today);
        if (current.isEmpty()) {
            errors.add(new ImportReport.LineError(0, null, "calendar", "aucune année scolaire de l'établissement ne contient le " + today));
            return new Resolution(List.of(), errors);
        }
        YearCalendar year = current.get();
        SchoolNames names = names(schoolId);
        Map<String, Integer> keys = new LinkedHashMap<>();
        List<Resolved> resolved = new ArrayList<>();
        for (ImportLine line : upload.lines()) {
            int before = errors.size();
            Fields f = new Fields(ics);
            // The first and last slots (the same one for a one-slot lesson).
            Optional<YearCalendar.Slot> slot;
            Optional<YearCalendar.Slot> endSlot;
            if (line.slot() != null) { // CSV: by code
                slot = year.slot(line.slot());
                endSlot = line.endSlot() == null ? slot : year.slot(line.endSlot());
                if (slot.isEmpty()) {
                    errors.add(error(line, f.slot, "créneau inconnu « " + line.slot() + " »"));
                } else if (endSlot.isEmpty()) {
                    errors.add(error(line, f.slot, "créneau inconnu « " + line.endSlot() + " »"));
                } else if (line.endSlot() != null) {
                    year.notAnEndAfter(slot.get().code(), line.endSlot()).ifPresent(why ->
                            errors.add(error(line, f.slot, line.slot() + "-" + line.endSlot() + " : " + why)));
                }
            } else { // iCalendar: by times, from one slot's start to the same or a later slot's end
                Optional<YearCalendar.Slot> exact = slotWhere(year, s -> s.startsAt().equals(line.startsAt())
                        && s.endsAt().equals(line.endsAt()));
                slot = exact.or(() -> slotWhere(year, s -> s.startsAt().equals(line.startsAt())));
                endSlot = exact.or(() -> slotWhere(year, s -> s.endsAt().equals(line.endsAt())));
                if (slot.isEmpty() || endSlot.isEmpty()
                        || !slot.equals(endSlot) && year.notAnEndAfter(slot.get().code(), endSlot.get().code()).isPresent()) {
                    errors.add(error(line, f.slot, "aucun créneau de l'établissement de " + line.startsAt() + " à " + line.endsAt()));
                    slot = Optional.empty();
                }
            }
            String last = slot.isPresent() && endSlot.isPresent() && !endSlot.equals(slot) ? endSlot.get().code() : null;
            if (line.day() == java.time.DayOfWeek.SUNDAY) {
                errors.add(error(line, f.day, "pas de cours le dimanche"));
            }
            List<UUID> teachers = new ArrayList<>();
            for (String name : line.teachers()) {
                Set<UUID> found = names.teachers(name);
                if (found.size() == 1) {
                    teachers.add(found.iterator().next());
                } else {
                    errors.add(error(line, f.teacher, found.isEmpty() ? "enseignant inconnu dans l'établissement : « " + name + " »"
                            : "nom ambigu : " + found.size() + " enseignants s'appellent « " + name + " »"));
                }
            }
            List<UUID> classes = new ArrayList<>();
            List<UUID> groups = new ArrayList<>();
            for (String name : line.classesAndGroups()) {
                Set<UUID> c = names.classes(name);
                Set<UUID> g = names.groups(name);
                if (c.size() + g.size() != 1) {
                    errors.add(error(line, f.classes, c.isEmpty() && g.isEmpty() ? "classe ou groupe inconnu : « " + name + " »"
                            : "nom ambigu : « " + name + " »"));
                } else if (c.size() == 1) {
                    classes.add(c.iterator().next());
                } else {
                    groups.add(g.iterator().next());
                }
            }
            UUID room = null;
            if (line.room() != null) {
                room = names.room(line.room());
                if (room == null) {
                    errors.add(error(line, f.room, "salle inconnue : « " + line.room() + " »"));
                }
            }
            Recurrence recurrence = switch (line.week()) {
                case "ONCE" -> Recurrence.ONCE;
                case "WEEK_A" -> Recurrence.WEEK_A;
                case "WEEK_B" -> Recurrence.WEEK_B;
                case "ALTERNATE" -> year.weekOf(line.from()).map(w -> w == YearCalendar.Week.A ? Recurrence.WEEK_A : Recurrence.WEEK_B)
                        .orElseGet(() -> {
                            errors.add(error(line, "RRULE", "une semaine sur deux : l'établissement n'alterne pas semaines A et B"));
                            return null;
                        });
                default -> Recurrence.WEEKLY;
            };
            if (errors.size() > before) {
                continue;
            }
            // Past single lessons and series already over are history, not part of what is imported.
            if (recurrence == Recurrence.ONCE && line.date().isBefore(today)
                    || recurrence != Recurrence.ONCE && line.to() != null && line.to().isBefore(today)) {
                continue;
            }
            LocalDate startsOn = null;
            if (recurrence != Recurrence.ONCE) {
                LocalDate rest = today.isBefore(year.startsOn()) ? year.startsOn() : today;
                startsOn = line.from() == null || line.from().isBefore(rest) ? rest : line.from();
                if (startsOn.equals(today) && !clock.at(today.atTime(slot.get().startsAt())).isAfter(clock.now())) {
                    startsOn = today.plusDays(1);
                }
            }
            // A lesson over several slots is keyed by its range (M1-M2); a one-slot line keeps its key.
            String slots = last == null ? slot.get().code() : slot.get().code() + "-" + last;
            String key = key(slots, line.day(), recurrence, line.subject(), teachers, classes, groups, room,
                    line.from(), line.to(), line.date());
            Integer first = keys.putIfAbsent(key, line.line());
            if (first != null) {
                errors.add(error(line, "line", "même cours que la ligne " + first));
                continue;
            }
            LessonInput input = new LessonInput(line.subject().strip(), teachers, classes, groups, room, slot.get().code(),
                    last, recurrence, line.day(), startsOn, line.to(), line.date());
            resolved.add(new Resolved(line, input, key));
        }
        return new Resolution(resolved, errors);
    }

    /** The field names of each format, for its errors. */
    private record Fields(String slot, String day, String teacher, String classes, String room, String from, String to,
                          String week) {
        Fields(boolean ics) {
            this(ics ? "DTSTART" : "slot", ics ? "DTSTART" : "day", ics ? "ATTENDEE" : "teacher",
                    ics ? "CATEGORIES" : "classes", ics ? "LOCATION" : "room", ics ? "DTSTART" : "from",
                    ics ? "RRULE" : "to", ics ? "RRULE" : "week");
        }
    }

    /** The file's field behind a problem the planner raised. */
    private static String field(ProblemException e, String format) {
        Fields f = new Fields(format.equals("ICALENDAR"));
        String raw = e.errors() != null && !e.errors().isEmpty() ? e.errors().get(0).field() : e.slug();
        return switch (raw) {
            case "room-conflict", "roomId" -> f.room;
            case "teacher-conflict", "teacherIds" -> f.teacher;
            case "class-conflict", "classIds", "groupIds" -> f.classes;
            case "slot", "endSlot" -> f.slot;
            case "startsOn", "date", "occurrence-in-the-past" -> f.from;
            case "endsOn" -> f.to;
            case "recurrence", "dayOfWeek" -> f.week;
            default -> raw;
        };
    }

    private static ImportReport.LineError error(ImportLine line, String field, String message) {
        return new ImportReport.LineError(line.line(), line.uid(), field, message);
    }

    /** The stable key of a normalised line: re-importing the same line finds its lesson. */
    static String key(String slot, java.time.DayOfWeek day, Recurrence recurrence, String subject, List<UUID> teachers,
                      List<UUID> classes, List<UUID> groups, UUID room, LocalDate from, LocalDate to, LocalDate date) {
        String normal = String.join("|", slot, String.valueOf(day), recurrence.name(), SchoolNames.normal(subject),
                teachers.stream().sorted().toList().toString(), classes.stream().sorted().toList().toString(),
                groups.stream().sorted().toList().toString(), String.valueOf(room), String.valueOf(from),
                String.valueOf(to), String.valueOf(date));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private SchoolNames names(UUID schoolId) {
        SchoolNames names = new SchoolNames();
        jdbc.query("""
                select p.id, p.first_name, p.last_name from directory_person p
                join directory_person_school s on s.person_id = p.id
                where s.school_id = ? and s.role = 'TEACHER' and not p.ended and p.active""",
                rs -> {
                    names.teacher(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3));
                    return null;
                }, schoolId);
        jdbc.query("select id, name, kind from directory_class_group where school_id = ?", rs -> {
            names.classGroup(rs.getObject(1, UUID.class), rs.getString(2), "CLASS".equals(rs.getString(3)));
            return null;
        }, schoolId);
        for (Room room : rooms.ofSchool(schoolId)) {
            names.room(room.id, room.name);
        }
        return names;
    }

    private ImportView view(ImportJob job) {
        ImportReport report = null;
        if (job.report != null) {
            try {
                report = json.readValue(job.report, ImportReport.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return new ImportView(job.id, job.schoolId, job.format, job.state, job.processed, job.total, job.createdAt,
                job.finishedAt, report);
    }

    private String write(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
