package fr.ent.grades.reportcard;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Appreciations, generation jobs, documents (metadata; the PDFs are in object storage) and publications of report cards. */
@ApplicationScoped
public class ReportCardRepository {

    private final Jdbc jdbc;

    ReportCardRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    // --- appreciations

    public void writeSubjectAppreciation(UUID periodId, UUID pupilId, String subject, UUID schoolId, String text, UUID by, Instant at) {
        jdbc.update("""
                INSERT INTO subject_appreciation (period_id, pupil_id, subject, school_id, text, written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (period_id, pupil_id, subject) DO UPDATE
                SET text = excluded.text, written_by = excluded.written_by, written_at = excluded.written_at""",
                periodId, pupilId, subject, schoolId, text, by, at);
    }

    public void writeCouncilAppreciation(UUID periodId, UUID pupilId, UUID schoolId, String text, UUID by, Instant at) {
        jdbc.update("""
                INSERT INTO council_appreciation (period_id, pupil_id, school_id, text, written_by, written_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (period_id, pupil_id) DO UPDATE
                SET text = excluded.text, written_by = excluded.written_by, written_at = excluded.written_at""",
                periodId, pupilId, schoolId, text, by, at);
    }

    /** The pupil's appreciations per subject for the period. */
    public Map<String, String> subjectAppreciations(UUID periodId, UUID pupilId) {
        return jdbc.query("SELECT subject, text FROM subject_appreciation WHERE period_id = ? AND pupil_id = ?",
                rs -> Map.entry(rs.getString("subject"), rs.getString("text")), periodId, pupilId)
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<String> councilAppreciation(UUID periodId, UUID pupilId) {
        return jdbc.one("SELECT text FROM council_appreciation WHERE period_id = ? AND pupil_id = ?",
                rs -> rs.getString("text"), periodId, pupilId);
    }

    // --- jobs

    public void createJob(ReportCardJob job) {
        jdbc.update("""
                INSERT INTO report_card_job (id, school_id, period_id, class_group_id, state, total, processed, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""",
                job.id(), job.schoolId(), job.periodId(), job.classGroupId(), job.state(), job.total(), job.createdBy(), job.createdAt());
    }

    public Optional<ReportCardJob> job(UUID id) {
        return jdbc.one("SELECT * FROM report_card_job WHERE id = ?", ReportCardRepository::job, id);
    }

    /** The last job of that class and period. */
    public Optional<ReportCardJob> lastJob(UUID periodId, UUID classGroupId) {
        return jdbc.one("""
                SELECT * FROM report_card_job WHERE period_id = ? AND class_group_id = ?
                ORDER BY created_at DESC, id LIMIT 1""", ReportCardRepository::job, periodId, classGroupId);
    }

    /** A job of that class and period still queued or running (started since {@code since}). */
    public boolean running(UUID periodId, UUID classGroupId, Instant since) {
        return jdbc.one("""
                SELECT 1 FROM report_card_job WHERE period_id = ? AND class_group_id = ?
                AND state IN ('QUEUED', 'RUNNING') AND created_at > ? LIMIT 1""",
                rs -> true, periodId, classGroupId, since).isPresent();
    }

    public void jobState(UUID id, ReportCardJob.State state, int total, int processed, String error, Instant finishedAt) {
        jdbc.update("UPDATE report_card_job SET state = ?, total = ?, processed = ?, error = ?, finished_at = ? WHERE id = ?",
                state, total, processed, error, finishedAt, id);
    }

    public void progress(UUID id, int processed) {
        jdbc.update("UPDATE report_card_job SET processed = ? WHERE id = ?", processed, id);
    }

    private static ReportCardJob job(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReportCardJob(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "school_id"), Jdbc.uuid(rs, "period_id"),
                Jdbc.uuid(rs, "class_group_id"), ReportCardJob.State.valueOf(rs.getString("state")), rs.getInt("total"),
                rs.getInt("processed"), rs.getString("error"), Jdbc.uuid(rs, "created_by"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "finished_at"));
    }

    // --- documents

    /**
     * Replaces the pupil's documents of the period by these (recipient → stored file); returns the
     * files of the documents replaced, for their objects to be deleted.
     */
    public List<UUID> replaceDocuments(UUID periodId, UUID pupilId, UUID schoolId, UUID classGroupId, UUID jobId, String schoolYear,
                                       Map<UUID, StoredCopy> byRecipient, Instant at, LocalDate keepUntil) {
        List<UUID> replaced = jdbc.query("""
                DELETE FROM report_card_document WHERE period_id = ? AND pupil_id = ? RETURNING file_id""",
                rs -> Jdbc.uuid(rs, "file_id"), periodId, pupilId).stream().filter(java.util.Objects::nonNull).toList();
        byRecipient.forEach((recipient, copy) -> jdbc.update("""
                INSERT INTO report_card_document (period_id, pupil_id, recipient_id, school_id, class_group_id, job_id,
                                                  school_year, file_id, size, created_at, keep_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                periodId, pupilId, recipient, schoolId, classGroupId, jobId, schoolYear, copy.fileId(), copy.size(), at, keepUntil));
        return replaced;
    }

    /** A copy stored in object storage: its file and size. */
    public record StoredCopy(UUID fileId, long size) {
    }

    /** The document of that pupil and recipient: its class and where its bytes are. */
    public Optional<Document> document(UUID periodId, UUID pupilId, UUID recipientId) {
        return jdbc.one("""
                SELECT class_group_id, school_id, file_id, pdf FROM report_card_document
                WHERE period_id = ? AND pupil_id = ? AND recipient_id = ?""",
                rs -> new Document(Jdbc.uuid(rs, "class_group_id"), Jdbc.uuid(rs, "school_id"), Jdbc.uuid(rs, "file_id"),
                        rs.getBytes("pdf")),
                periodId, pupilId, recipientId);
    }

    /**
     * @param fileId the copy in object storage, or null for one generated before copies moved there
     * @param pdf    the bytes of such an older copy (null once moved)
     */
    public record Document(UUID classGroupId, UUID schoolId, UUID fileId, byte[] pdf) {
    }

    /** The documents of a class for a period, without their bytes. */
    public List<ReportCardView.Copy> documents(UUID periodId, UUID classGroupId) {
        return jdbc.query("""
                        SELECT pupil_id, recipient_id, created_at, size FROM report_card_document
                        WHERE period_id = ? AND class_group_id = ? ORDER BY pupil_id, recipient_id""",
                rs -> new ReportCardView.Copy(Jdbc.uuid(rs, "pupil_id"), Jdbc.uuid(rs, "recipient_id"), null,
                        Jdbc.instant(rs, "created_at"), rs.getLong("size")),
                periodId, classGroupId);
    }

    public List<UUID> pupilsWithDocuments(UUID periodId, UUID classGroupId) {
        return jdbc.query("""
                SELECT DISTINCT pupil_id FROM report_card_document WHERE period_id = ? AND class_group_id = ?
                ORDER BY pupil_id""", rs -> Jdbc.uuid(rs, "pupil_id"), periodId, classGroupId);
    }

    /**
     * Removes up to {@code limit} documents whose keeping time is over (locked, skipping rows another
     * instance holds); returns their files (null for a copy still in the database), for deletion.
     */
    public List<Optional<UUID>> purgeKeptUntil(LocalDate before, int limit) {
        return jdbc.query("""
                DELETE FROM report_card_document WHERE (period_id, pupil_id, recipient_id) IN (
                    SELECT period_id, pupil_id, recipient_id FROM report_card_document WHERE keep_until < ?
                    ORDER BY keep_until LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING file_id""", rs -> Optional.ofNullable(Jdbc.uuid(rs, "file_id")), before, limit);
    }

    // --- copies generated before they moved to object storage

    /** Up to {@code limit} copies whose bytes are still in the database. */
    public List<DocumentKey> inDatabase(int limit) {
        return jdbc.query("SELECT period_id, pupil_id, recipient_id FROM report_card_document WHERE file_id IS NULL LIMIT ?",
                rs -> new DocumentKey(Jdbc.uuid(rs, "period_id"), Jdbc.uuid(rs, "pupil_id"), Jdbc.uuid(rs, "recipient_id")), limit);
    }

    /** That copy if its bytes are still in the database, locked until the transaction ends. */
    public Optional<Document> lockInDatabase(DocumentKey key) {
        return jdbc.one("""
                SELECT class_group_id, school_id, file_id, pdf FROM report_card_document
                WHERE period_id = ? AND pupil_id = ? AND recipient_id = ? AND file_id IS NULL FOR UPDATE SKIP LOCKED""",
                rs -> new Document(Jdbc.uuid(rs, "class_group_id"), Jdbc.uuid(rs, "school_id"), null, rs.getBytes("pdf")),
                key.periodId(), key.pupilId(), key.recipientId());
    }

    /** The copy now names its file and forgets its bytes. */
    public void moved(DocumentKey key, UUID fileId) {
        jdbc.update("""
                UPDATE report_card_document SET file_id = ?, pdf = NULL
                WHERE period_id = ? AND pupil_id = ? AND recipient_id = ?""", fileId, key.periodId(), key.pupilId(), key.recipientId());
    }

    public record DocumentKey(UUID periodId, UUID pupilId, UUID recipientId) {
    }

    // --- publication

    public Optional<Instant> publishedAt(UUID periodId, UUID classGroupId) {
        return jdbc.one("SELECT published_at FROM report_card_publication WHERE period_id = ? AND class_group_id = ?",
                rs -> Jdbc.instant(rs, "published_at"), periodId, classGroupId);
    }

    /** True if this call published it (false: it already was). */
    public boolean publish(UUID periodId, UUID classGroupId, UUID schoolId, Instant at, UUID by) {
        return jdbc.update("""
                INSERT INTO report_card_publication (period_id, class_group_id, school_id, published_at, published_by)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", periodId, classGroupId, schoolId, at, by) == 1;
    }
}
