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
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.ProblemException;
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
    private final int maxBytes;
    private final AuditTrail audit;

    public JustificationService(JustificationRepository justifications, EntryRepository entryRepository, Entries entries,
                                ReasonService reasons, Relationships relationships, CurrentUser user, SchoolClock clock,
                                AttendanceConfig config, AuditTrail audit) {
        this.justifications = justifications;
        this.entryRepository = entryRepository;
        this.entries = entries;
        this.reasons = reasons;
        this.relationships = relationships;
        this.user = user;
        this.clock = clock;
        this.maxBytes = config.attachmentMaxBytes();
        this.audit = audit;
    }

    @Transactional
    public Justification submit(UUID entryId, UUID reasonId, String comment, byte[] attachment, String attachmentName) {
        AttendanceEntry entry = entryRepository.lock(entryId)
                .orElseThrow(() -> Problems.notFound("Absence introuvable."));
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
        if (justifications.pendingFor(entryId)) {
            throw Problems.conflict("justification-pending", "Un justificatif attend déjà la décision de la vie scolaire.");
        }
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
        AttachmentType type = null;
        if (attachment != null) {
            if (attachment.length > maxBytes) {
                throw new ProblemException(413, "attachment-too-large", "Attachment too large",
                        "La pièce jointe dépasse " + (maxBytes / 1024) + " Ko.", null);
            }
            type = AttachmentType.of(attachment).orElseThrow(() -> new ProblemException(415, "attachment-type",
                    "Unsupported attachment", "Seuls les fichiers PDF, JPEG et PNG sont acceptés.", null));
        }
        Justification j = new Justification(UUID.randomUUID(), entryId, entry.pupilId(), entry.schoolId(), user.actorId(),
                clock.now(), reason.id(), comment, type == null ? null : type.mediaType(),
                attachment == null ? null : safeName(attachmentName), attachment == null ? null : attachment.length,
                "PENDING", null, null);
        justifications.insert(j, attachment);
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

    private static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    private static RuntimeException notFound() {
        return Problems.notFound("Justificatif introuvable.");
    }
}
