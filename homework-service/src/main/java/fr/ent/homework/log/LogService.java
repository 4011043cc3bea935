package fr.ent.homework.log;

import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.Relationships;
import fr.ent.files.Download;
import fr.ent.files.StoredFile;
import fr.ent.files.UploadOffer;
import fr.ent.homework.support.Access;
import fr.ent.homework.support.Attachments;
import fr.ent.homework.support.FileView;
import fr.ent.homework.support.Lessons;
import fr.ent.homework.support.UploadInput;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The cahier de textes: entries written by the teachers of a class, read by its school side and its families. */
@ApplicationScoped
public class LogService {

    /** The longest span a list covers. */
    static final int MAX_DAYS = 200;

    private final LogEntryRepository entries;
    private final Access access;
    private final Attachments attachments;
    private final SchoolClock clock;
    private final Lessons lessons;

    public LogService(LogEntryRepository entries, Access access, Attachments attachments, SchoolClock clock, Lessons lessons) {
        this.entries = entries;
        this.access = access;
        this.attachments = attachments;
        this.clock = clock;
        this.lessons = lessons;
    }

    /**
     * A pre-signed upload of an attachment for an entry or a work of that class or group: a teacher
     * of it (any subject). Not theirs: 404 before any size or type is judged.
     */
    @Transactional
    public UploadOffer offerAttachment(UUID classGroupId, UploadInput in) {
        DirectoryClassGroup group = access.classGroup(classGroupId);
        if (!access.relationships().teaches(group.id())) {
            throw Relationships.notYours("Classe ou groupe introuvable.");
        }
        return attachments.offer(attachments.attachmentPolicy(), group.schoolId(), access.personId(), in);
    }

    @Transactional
    public LogEntryView create(LogEntryInput in) {
        DirectoryClassGroup group = writableGroup(in);
        LogEntry e = new LogEntry();
        e.id = UUID.randomUUID();
        e.schoolId = group.schoolId();
        e.classGroupId = group.id();
        e.subject = in.subject();
        e.teacherId = access.personId();
        e.createdAt = clock.instant();
        fill(e, in);
        entries.persist(e);
        attachments.attach(e.id, attachments.confirm(attachments.attachmentPolicy(), in.attachmentIds(), access.personId(), "attachmentIds"));
        return view(e);
    }

    @Transactional
    public LogEntryView update(UUID id, LogEntryInput in) {
        LogEntry e = own(id);
        if (!e.classGroupId.equals(in.classGroupId()) || !e.subject.equals(in.subject())) {
            throw Problems.invalidField("classGroupId", "la classe et la matière d'une séance ne changent pas");
        }
        fill(e, in);
        List<StoredFile> files = attachments.confirm(attachments.attachmentPolicy(),
                in.attachmentIds() == null ? List.of() : in.attachmentIds(), access.personId(), "attachmentIds");
        attachments.attach(e.id, files);
        return view(e);
    }

    @Transactional
    public void delete(UUID id) {
        LogEntry e = own(id);
        attachments.attach(e.id, List.of());
        entries.delete(e);
    }

    /** An entry: its author; once published, the school side of its class (an inspector of its school too) and its families. Else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LogEntry readable(UUID id) {
        LogEntry e = entries.findByIdOptional(id).orElseThrow(LogService::notFound);
        if (access.isPerson() && e.teacherId.equals(access.personId())) {
            return e;
        }
        DirectoryClassGroup group = access.classGroup(e.classGroupId);
        if (e.published && (access.readsLogAsSchool(group) || access.readsAsFamily(group))) {
            return e;
        }
        throw notFound();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LogEntryView get(UUID id) {
        return view(readable(id));
    }

    /** A class's cahier de textes between two days: the school side (an inspector of its school too) and its families; drafts only their author's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LogEntryView> ofClass(UUID classGroupId, LocalDate from, LocalDate to) {
        DirectoryClassGroup group = access.classGroup(classGroupId);
        if (!access.readsLogAsSchool(group) && !access.readsAsFamily(group)) {
            throw Relationships.notYours("Classe ou groupe introuvable.");
        }
        LocalDate start = from != null ? from : clock.today().minusDays(30);
        LocalDate end = to != null ? to : start.plusDays(60);
        if (end.isBefore(start) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw Problems.invalidField("to", "la période va du début à la fin, " + MAX_DAYS + " jours au plus");
        }
        List<LogEntry> list = entries.ofClass(classGroupId, start, end, access.isPerson() ? access.personId() : null);
        Map<UUID, List<FileView>> files = attachments.of(list.stream().map(e -> e.id).toList());
        return list.stream().map(e -> LogEntryView.of(e, files.getOrDefault(e.id, List.of()))).toList();
    }

    /** A pre-signed download of an attachment of an entry the caller reads. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Download attachment(UUID id, UUID fileId) {
        LogEntry e = readable(id);
        if (!attachments.isAttachedTo(fileId, e.id)) {
            throw Problems.notFound("Fichier introuvable.");
        }
        return attachments.download(fileId);
    }

    private DirectoryClassGroup writableGroup(LogEntryInput in) {
        DirectoryClassGroup group = access.classGroup(in.classGroupId());
        // a class or subject that is not the caller's is answered like an unknown one
        if (!access.writesFor(group.id(), in.subject())) {
            throw Problems.invalidField("classGroupId", "classe ou groupe inconnu, ou matière que vous n'y enseignez pas");
        }
        return group;
    }

    /**
     * The lesson: a timetable occurrence the author teaches, of the entry's class or group (its day;
     * a {@code lessonOn} that says another day is refused), or without one the day {@code lessonOn}.
     */
    private void fill(LogEntry e, LogEntryInput in) {
        if (in.occurrenceId() != null) {
            var o = lessons.taughtByCaller(in.occurrenceId(), e.classGroupId, "occurrenceId");
            if (in.lessonOn() != null && !in.lessonOn().equals(o.date())) {
                throw Problems.invalidField("lessonOn", "la séance a lieu le " + o.date());
            }
            e.occurrenceId = o.occurrenceId();
            e.lessonOn = o.date();
        } else if (in.lessonOn() == null) {
            throw Problems.invalidField("lessonOn", "obligatoire sans séance de l'emploi du temps (occurrenceId)");
        } else {
            e.occurrenceId = null;
            e.lessonOn = in.lessonOn();
        }
        e.title = in.title().strip();
        e.content = in.content();
        e.published = in.published() == null || in.published();
        e.updatedAt = clock.instant();
    }

    /** The caller's own entry, else 404. */
    private LogEntry own(UUID id) {
        LogEntry e = entries.findByIdOptional(id).orElseThrow(LogService::notFound);
        if (!access.isPerson() || !e.teacherId.equals(access.personId())) {
            throw notFound();
        }
        return e;
    }

    LogEntryView view(LogEntry e) {
        return LogEntryView.of(e, attachments.of(List.of(e.id)).getOrDefault(e.id, List.of()));
    }

    /** The entry, for a work set on that lesson: the author's own, of that class and subject. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Optional<LogEntry> find(UUID id) {
        return entries.findByIdOptional(id);
    }

    private static RuntimeException notFound() {
        return Relationships.notYours("Séance introuvable.");
    }
}
