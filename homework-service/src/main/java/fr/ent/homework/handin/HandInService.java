package fr.ent.homework.handin;

import fr.ent.audit.AuditTrail;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.files.Download;
import fr.ent.files.FileStorage;
import fr.ent.files.StoredFile;
import fr.ent.files.UploadOffer;
import fr.ent.homework.events.HomeworkEvents;
import fr.ent.homework.support.Access;
import fr.ent.homework.support.Attachments;
import fr.ent.homework.support.FileView;
import fr.ent.homework.support.UploadInput;
import fr.ent.homework.work.Work;
import fr.ent.homework.work.WorkKind;
import fr.ent.homework.work.WorkService;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Hand-ins: a pupil hands in files for a HAND_IN work (and replaces them until the due time; after
 * it, one who has not handed in yet still may, marked late) until the teacher closes hand-ins; the
 * school side sees who handed in, who is late, who has not, and downloads them all as one archive;
 * a teacher of the subject returns feedback. A pupil never reaches a classmate's hand-in (404).
 */
@ApplicationScoped
public class HandInService {

    private final HandInRepository handIns;
    private final WorkService works;
    private final Access access;
    private final Attachments attachments;
    private final Directory directory;
    private final SchoolClock clock;
    private final HomeworkEvents events;
    private final AuditTrail audit;

    public HandInService(HandInRepository handIns, WorkService works, Access access, Attachments attachments, Directory directory,
                         SchoolClock clock, HomeworkEvents events, AuditTrail audit) {
        this.audit = audit;
        this.handIns = handIns;
        this.works = works;
        this.access = access;
        this.attachments = attachments;
        this.directory = directory;
        this.clock = clock;
        this.events = events;
    }

    /** A pre-signed upload of a file to hand in: the pupil the work is for, while hand-ins are open. */
    @Transactional
    public UploadOffer offerUpload(UUID workId, UUID pupilId, UploadInput in) {
        Work w = handInnable(workId, pupilId);
        return attachments.offer(attachments.handInPolicy(), w.schoolId, pupilId, in);
    }

    @Transactional
    public HandInView handIn(UUID workId, UUID pupilId, HandInInput in) {
        Work w = handInnable(workId, pupilId);
        Instant now = clock.instant();
        boolean late = now.isAfter(w.dueAt);
        Optional<HandInRepository.Row> before = handIns.lock(w.id, pupilId);
        if (before.isPresent() && late) {
            throw Problems.conflict("hand-in-final", "L'heure de remise est passée : le travail déjà rendu ne peut plus être remplacé.");
        }
        List<StoredFile> files = attachments.confirm(attachments.handInPolicy(), in.fileIds(), pupilId, "fileIds");
        UUID id;
        if (before.isPresent()) {
            id = before.get().id();
            handIns.handedInAgain(id, now, false);
        } else {
            id = UUID.randomUUID();
            handIns.insert(id, w.id, pupilId, w.schoolId, now, late);
        }
        List<UUID> dropped = handIns.replaceFiles(id, files.stream().map(StoredFile::id).toList());
        FileStorage storage = attachments.storage();
        dropped.forEach(storage::delete);
        events.handInReceived(w, pupilId, now, late, files.size());
        return view(handIns.find(w.id, pupilId).orElseThrow());
    }

    /** The pupil's hand-in: the pupil, their guardians, the school side of the work's class. Else 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HandInView get(UUID workId, UUID pupilId) {
        return view(readable(workId, pupilId, "homework.hand-in.read", workId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Download file(UUID workId, UUID pupilId, UUID fileId) {
        HandInRepository.Row row = readable(workId, pupilId, "homework.hand-in.file.read", fileId);
        boolean handedIn = handIns.files(row.id()).stream().anyMatch(f -> f.id().equals(fileId));
        if (!handedIn && !fileId.equals(row.feedbackFileId())) {
            throw Problems.notFound("Fichier introuvable.");
        }
        return attachments.download(fileId);
    }

    /** Who handed in, who is late, who has not: the school side of the work's class. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HandInStatus status(UUID workId) {
        Work w = schoolSide(workId);
        Map<UUID, HandInRepository.Row> byPupil = handIns.ofWork(w.id).stream()
                .collect(Collectors.toMap(HandInRepository.Row::pupilId, Function.identity()));
        Map<UUID, Integer> counts = handIns.fileCounts(w.id);
        Set<UUID> pupils = new java.util.HashSet<>(works.pupilsOf(w));
        pupils.addAll(byPupil.keySet());
        Map<UUID, DirectoryPerson> people = directory.people(pupils);
        List<HandInStatus.Line> lines = new ArrayList<>();
        int handedIn = 0;
        int late = 0;
        for (UUID pupil : pupils) {
            DirectoryPerson p = people.get(pupil);
            HandInRepository.Row row = byPupil.get(pupil);
            String state = row == null ? "MISSING" : row.late() ? "LATE" : "HANDED_IN";
            if (row != null) {
                handedIn++;
                late += row.late() ? 1 : 0;
            }
            lines.add(new HandInStatus.Line(pupil, p == null ? "" : p.lastName(), p == null ? "" : p.firstName(), state,
                    row == null ? null : row.handedInAt(), row == null ? 0 : counts.getOrDefault(row.id(), 0),
                    row != null && row.feedbackAt() != null));
        }
        audit.readAll(w.schoolId, "homework.hand-ins.read", pupils);
        lines.sort(Comparator.comparing(HandInStatus.Line::lastName).thenComparing(HandInStatus.Line::firstName)
                .thenComparing(HandInStatus.Line::pupilId));
        return new HandInStatus(w.id, w.dueAt, w.handInsClosedAt, handedIn - late, late, lines.size() - handedIn, lines);
    }

    /** What the archive of all hand-ins holds: entry name → file, for the school side of the work's class. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HandInArchive archive(UUID workId) {
        Work w = schoolSide(workId);
        List<HandInRepository.ArchivedFile> files = handIns.filesOfWork(w.id);
        Map<UUID, DirectoryPerson> people = directory.people(files.stream().map(HandInRepository.ArchivedFile::pupilId).toList());
        audit.readAll(w.schoolId, "homework.hand-ins.archive.read", people.keySet());
        return new HandInArchive(w, files, people, attachments.storage());
    }

    /** Closes hand-ins: a teacher of the subject in the class. Closing again changes nothing. */
    @Transactional
    public HandInStatus close(UUID workId) {
        Work w = works.teachersOwn(workId);
        if (w.handInsClosedAt == null) {
            w.handInsClosedAt = clock.instant();
        }
        return status(workId);
    }

    /** A pre-signed upload of a feedback file: a teacher of the subject, for a pupil who handed in. */
    @Transactional
    public UploadOffer offerFeedbackUpload(UUID workId, UUID pupilId, UploadInput in) {
        Work w = works.teachersOwn(workId);
        handIns.find(w.id, pupilId).orElseThrow(HandInService::notFound);
        return attachments.offer(attachments.attachmentPolicy(), w.schoolId, access.personId(), in);
    }

    @Transactional
    public HandInView feedback(UUID workId, UUID pupilId, FeedbackInput in) {
        Work w = works.teachersOwn(workId);
        HandInRepository.Row row = handIns.lock(w.id, pupilId).orElseThrow(HandInService::notFound);
        if (in.fileId() == null && (in.comment() == null || in.comment().isBlank())) {
            throw Problems.invalidField("fileId", "un fichier ou un commentaire");
        }
        UUID fileId = null;
        if (in.fileId() != null) {
            fileId = attachments.confirm(attachments.attachmentPolicy(), List.of(in.fileId()), access.personId(), "fileId").get(0).id();
        }
        if (row.feedbackFileId() != null && !row.feedbackFileId().equals(fileId)) {
            attachments.storage().delete(row.feedbackFileId());
        }
        Instant now = clock.instant();
        handIns.feedback(row.id(), fileId, in.comment() == null ? null : in.comment().strip(), now, access.me());
        events.feedbackReturned(w, pupilId, now);
        return view(handIns.find(w.id, pupilId).orElseThrow());
    }

    /** A HAND_IN work the caller, that pupil, may hand in now: 404 not theirs, 409 closed. */
    private Work handInnable(UUID workId, UUID pupilId) {
        if (!access.isThePupil(pupilId)) {
            access.requireReaderOf(pupilId);
            throw Problems.forbidden("Seul l'élève rend son travail.");
        }
        Work w = works.readable(workId);
        if (w.kind != WorkKind.HAND_IN) {
            throw Problems.conflict("no-hand-in", "Ce travail ne se rend pas en ligne.");
        }
        if (w.handInsClosed()) {
            throw Problems.conflict("hand-ins-closed", "Le professeur a clos la remise de ce travail.");
        }
        return w;
    }

    /**
     * The pupil's hand-in of the work, for the pupil, their guardians and the school side of the
     * work's class; a read by the school side goes to the audit trail ({@code action}, the thing
     * read). Else 404.
     */
    private HandInRepository.Row readable(UUID workId, UUID pupilId, String action, UUID target) {
        Work w = works.readable(workId);
        boolean family = access.isThePupil(pupilId) || access.isGuardianOf(pupilId);
        if (!family && !works.readsAsSchool(w)) {
            throw notFound();
        }
        HandInRepository.Row row = handIns.find(w.id, pupilId).orElseThrow(HandInService::notFound);
        if (!family) {
            audit.read(w.schoolId, pupilId, action, target);
        }
        return row;
    }

    private Work schoolSide(UUID workId) {
        Work w = works.readable(workId);
        if (!works.readsAsSchool(w)) {
            throw notFound();
        }
        return w;
    }

    private HandInView view(HandInRepository.Row row) {
        FileView feedback = null;
        if (row.feedbackFileId() != null) {
            feedback = attachments.storage().find(row.feedbackFileId())
                    .map(f -> new FileView(f.id(), f.fileName(), f.contentType(), f.size())).orElse(null);
        }
        return new HandInView(row.workId(), row.pupilId(), row.handedInAt(), row.late(), handIns.files(row.id()), feedback,
                row.feedbackComment(), row.feedbackAt());
    }

    private static RuntimeException notFound() {
        return Relationships.notYours("Travail rendu introuvable.");
    }
}
