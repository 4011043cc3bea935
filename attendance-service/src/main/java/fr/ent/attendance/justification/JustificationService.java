package fr.ent.attendance.justification;

import fr.ent.attendance.AttendanceConfig;
import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.entry.Entries;
import fr.ent.attendance.entry.EntryRepository;
import fr.ent.attendance.entry.EntryStatus;
import fr.ent.attendance.reason.Reason;
import fr.ent.attendance.reason.ReasonService;
import fr.ent.audit.AuditTrail;
import fr.ent.directory.Relationships;
import fr.ent.files.FilePolicy;
import fr.ent.files.FileStorage;
import fr.ent.files.FileType;
import fr.ent.files.StoredFile;
import fr.ent.files.UploadOffer;
import fr.ent.files.UploadRequest;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * A guardian justifies their child's absence (reason, optional attachment); the CPE accepts it
 * (the absence becomes justified and stops counting) or refuses it.
 */
@ApplicationScoped
public class JustificationService {

    private final JustificationRepository justifications;
    private final EntryRepository entryRepository;
    private final Entries entries;
    private final ReasonService reasons;
    private final Relationships relationships;
    private final CurrentUser user;
    private final SchoolClock clock;
    private final FilePolicy attachments;
    private final FileStorage files;
    private final AuditTrail audit;

    public JustificationService(JustificationRepository justifications, EntryRepository entryRepository, Entries entries,
                                ReasonService reasons, Relationships relationships, CurrentUser user, SchoolClock clock,
                                AttendanceConfig config, AuditTrail audit, FileStorage files) {
        this.justifications = justifications;
        this.entryRepository = entryRepository;
        this.entries = entries;
        this.reasons = reasons;
        this.relationships = relationships;
        this.user = user;
        this.clock = clock;
        // PDF, JPEG or PNG told by their content: a file named "certificat.pdf" that is something else is refused
        this.attachments = new FilePolicy("justification", config.attachmentMaxBytes(), FileType.PDF, FileType.JPEG, FileType.PNG);
        this.files = files;
        this.audit = audit;
    }

    /**
     * A pre-signed upload for the attachment of a justification a guardian is about to send: the
     * same checks as {@link #submit} on the absence, then the file's declared size (413) and type
     * (415). The guardian PUTs the bytes, then submits the justification naming the file.
     */
    @Transactional
    public UploadOffer offerAttachmentUpload(UUID entryId, RequestAttachmentUpload in) {
        AttendanceEntry entry = justifiable(entryRepository.find(entryId));
        if (in.size() == null) {
            throw Problems.invalidField("size", "obligatoire");
        }
        return files.offerUpload(attachments, new UploadRequest(entry.schoolId(), user.personId(), in.fileName(), in.size(),
                in.contentType(), in.sha256()));
    }

    @Transactional
    public Justification submit(UUID entryId, UUID reasonId, String comment, UUID attachmentId) {
        AttendanceEntry entry = justifiable(entryRepository.lock(entryId));
        if (reasonId == null) {
            throw Problems.invalidField("reasonId", "obligatoire");
        }
        Reason reason = reasons.usable(entry.schoolId(), reasonId, "reasonId");
        if (reason.confidential()) {
            // Families choose among the reasons they can see.
            throw Problems.invalidField("reasonId", "motif inconnu dans cet établissement");
        }
        if (comment != null && comment.length() > 500) {
            throw Problems.invalidField("comment", "500 caractères au plus");
        }
        // size (413), type by content (415), SHA-256 (422); another's or unknown upload: 404
        StoredFile file = attachmentId == null ? null : files.confirm(attachments, attachmentId, user.personId());
        Justification j = new Justification(UUID.randomUUID(), entryId, entry.pupilId(), entry.schoolId(), user.actorId(),
                clock.now(), reason.id(), comment, file == null ? null : file.contentType(),
                file == null ? null : file.fileName(), file == null ? null : Math.toIntExact(file.size()),
                "PENDING", null, null);
        justifications.insert(j, file == null ? null : file.id());
        audit.changed(j.schoolId(), j.pupilId(), "attendance.justification.submitted", j.id());
        return j;
    }

    @Transactional
    public Justification accept(UUID id) {
        Justification j = pending(id);
        AttendanceEntry entry = entryRepository.lock(j.entryId()).orElseThrow();
        justifications.decide(id, "ACCEPTED", user.actorId(), clock.now());
        audit.changed(j.schoolId(), j.pupilId(), "attendance.justification.accepted", id);
        if (entry.status() == EntryStatus.UNJUSTIFIED) {
            entries.justify(entry, j.reasonId());
        }
        return justifications.find(id).orElseThrow();
    }

    @Transactional
    public Justification refuse(UUID id) {
        Justification j = pending(id);
        AttendanceEntry entry = entryRepository.find(j.entryId()).orElseThrow();
        justifications.decide(id, "REFUSED", user.actorId(), clock.now());
        audit.changed(j.schoolId(), j.pupilId(), "attendance.justification.refused", id);
        entries.refuse(entry, j.reasonId());
        return justifications.find(id).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Justification> ofSchool(UUID schoolId, String status) {
        relationships.requireStaffOf(schoolId);
        List<Justification> list = justifications.ofSchool(schoolId, status);
        audit.readAll(schoolId, "attendance.justifications.read", list.stream().map(Justification::pupilId).toList());
        return list;
    }

    /**
     * Staff of the school and the pupil's guardians: both separated parents, not only the one who
     * sent it (each holds parental authority and sees the child's record).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JustificationRepository.Attachment attachment(UUID id) {
        Justification j = justifications.find(id).orElseThrow(JustificationService::notFound);
        if (!relationships.isStaffOf(j.schoolId()) && !relationships.isGuardianOf(j.pupilId())) {
            throw notFound();
        }
        audit.read(j.schoolId(), j.pupilId(), "attendance.justification.attachment.read", id);
        return justifications.attachment(id).orElseThrow(JustificationService::notFound);
    }

    private Justification pending(UUID id) {
        Justification j = justifications.lock(id).orElseThrow(JustificationService::notFound);
        relationships.requireStaffOf(j.schoolId());
        if (!"PENDING".equals(j.status())) {
            throw Problems.conflict("justification-decided", "Ce justificatif a déjà été traité (" + j.status() + ").");
        }
        return j;
    }

    /** An absence a guardian of the pupil may justify now: 404 if not theirs or cancelled, 409 if done or pending. */
    private AttendanceEntry justifiable(java.util.Optional<AttendanceEntry> found) {
        AttendanceEntry entry = found.orElseThrow(() -> Problems.notFound("Absence introuvable."));
        // Only a guardian justifies an absence.
        if (!relationships.isGuardianOf(entry.pupilId())) {
            throw Relationships.notYours("Absence introuvable.");
        }
        if (entry.status() == EntryStatus.CANCELLED) {
            throw Problems.notFound("Absence introuvable.");
        }
        if (entry.status() == EntryStatus.JUSTIFIED) {
            throw Problems.conflict("already-justified", "Cette absence est déjà justifiée.");
        }
        if (justifications.pendingFor(entry.id())) {
            throw Problems.conflict("justification-pending", "Un justificatif attend déjà la décision de la vie scolaire.");
        }
        return entry;
    }

    /** What a justification's attachment may be: PDF, JPEG or PNG by content, {@code attendance.attachment-max-bytes}. */
    public FilePolicy attachmentPolicy() {
        return attachments;
    }

    /** A pre-signed download of an attachment in object storage (see {@link #attachment}). */
    public AttachmentDownload download(UUID fileId) {
        var d = files.download(fileId);
        return new AttachmentDownload(d.url(), d.expiresAt(), d.fileName(), d.contentType(), d.size());
    }

    private static RuntimeException notFound() {
        return Problems.notFound("Justificatif introuvable.");
    }
}
