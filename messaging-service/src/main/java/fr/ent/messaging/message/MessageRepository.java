package fr.ent.messaging.message;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages, recipients and mailboxes, in plain SQL ({@link Jdbc}): a message to 800 families is
 * one {@code insert ... select from unnest} per table, and search is PostgreSQL full text.
 */
@ApplicationScoped
public class MessageRepository {

    private static final String COLUMNS = """
            m.id, m.conversation_id, m.school_id, m.sender_id, m.in_reply_to, m.subject, m.body,
            m.recipients_spec::text, m.created_at, m.updated_at, m.sent_at, m.recalled_at, m.hidden_at""";

    private final Jdbc jdbc;

    public MessageRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    private static MessageRow row(ResultSet rs) throws SQLException {
        return new MessageRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), rs.getString(8),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "sent_at"),
                Jdbc.instant(rs, "recalled_at"), Jdbc.instant(rs, "hidden_at"));
    }

    public Optional<MessageRow> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM message m WHERE m.id = ?", MessageRepository::row, id);
    }

    /** The message, locked for the rest of the transaction (recall, send of a draft). */
    public Optional<MessageRow> lock(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM message m WHERE m.id = ? FOR UPDATE", MessageRepository::row, id);
    }

    public void insert(MessageRow m) {
        jdbc.update("""
                INSERT INTO message (id, conversation_id, school_id, sender_id, in_reply_to, subject, body, recipients_spec,
                                     created_at, updated_at, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                m.id(), m.conversationId(), m.schoolId(), m.senderId(), m.inReplyTo(), m.subject(), m.body(),
                m.recipientsSpec(), m.createdAt(), m.updatedAt(), m.sentAt());
    }

    public void updateDraft(UUID id, UUID school, String subject, String body, String spec, Instant at) {
        jdbc.update("""
                UPDATE message SET school_id = ?, subject = ?, body = ?, recipients_spec = ?::jsonb, updated_at = ?
                WHERE id = ? AND sent_at IS NULL""", school, subject, body, spec, at, id);
    }

    public void markSent(UUID id, Instant at) {
        jdbc.update("UPDATE message SET sent_at = ?, updated_at = ? WHERE id = ?", at, at, id);
    }

    public void delete(UUID id) {
        jdbc.update("DELETE FROM message WHERE id = ?", id);
    }

    public void recall(UUID id, Instant at) {
        jdbc.update("UPDATE message SET recalled_at = ? WHERE id = ?", at, id);
        jdbc.update("DELETE FROM mailbox WHERE message_id = ? AND box = 'INBOX'", id);
    }

    // --- recipients and mailboxes

    public void addRecipients(UUID message, List<Recipients.Resolved> recipients) {
        jdbc.update("""
                INSERT INTO recipient (message_id, person_id, kind)
                SELECT ?, p, k FROM unnest(?, ?) AS t(p, k)""",
                message, Jdbc.uuids(recipients, Recipients.Resolved::personId), Jdbc.texts(recipients, r -> r.kind().name()));
    }

    /** A broadcast's acknowledgement by one of its families: present (acknowledgedAt null until they do) only for them. */
    public record Acknowledgement(Instant acknowledgedAt) {
    }

    /** Empty unless the message is a broadcast that went to this guardian. */
    public java.util.Optional<Acknowledgement> acknowledgement(UUID message, UUID guardian) {
        return jdbc.one("SELECT acknowledged_at FROM broadcast_family WHERE broadcast_id = ? AND guardian_id = ?",
                rs -> new Acknowledgement(Jdbc.instant(rs, "acknowledged_at")), message, guardian);
    }

    public record RecipientRow(UUID personId, Kind kind, Instant readAt) {
    }

    /** Everyone the message went to, with their read state (null once recalled: their copies are gone). */
    public List<RecipientRow> recipients(UUID message) {
        return jdbc.query("""
                SELECT r.person_id, r.kind, b.read_at FROM recipient r
                LEFT JOIN mailbox b ON b.message_id = r.message_id AND b.person_id = r.person_id AND b.box = 'INBOX'
                WHERE r.message_id = ? ORDER BY r.kind, r.person_id""",
                rs -> new RecipientRow(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)), Jdbc.instant(rs, "read_at")),
                message);
    }

    /** Puts the message in each person's box (one statement for any number of people). */
    public void file(MessageRow m, Box box, Collection<UUID> people) {
        jdbc.update("""
                INSERT INTO mailbox (person_id, message_id, box, conversation_id, school_id)
                SELECT p, ?, ?, ?, ? FROM unnest(?) AS t(p)
                ON CONFLICT DO NOTHING""",
                m.id(), box, m.conversationId(), m.schoolId(), new Jdbc.UuidArray(List.copyOf(people)));
    }

    public void unfile(UUID message, UUID person, Box box) {
        jdbc.update("DELETE FROM mailbox WHERE message_id = ? AND person_id = ? AND box = ?", message, person, box);
    }

    public record Holding(UUID personId, UUID messageId, Box box, Instant readAt, Instant trashedAt, UUID folderId) {
    }

    private static Holding holding(ResultSet rs) throws SQLException {
        return new Holding(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Box.valueOf(rs.getString(3)),
                Jdbc.instant(rs, "read_at"), Jdbc.instant(rs, "trashed_at"), rs.getObject(6, UUID.class));
    }

    /** The person's copies of the message (a message sent to oneself is held twice: SENT and INBOX). */
    public List<Holding> holdings(UUID person, UUID message) {
        return jdbc.query("""
                SELECT person_id, message_id, box, read_at, trashed_at, folder_id FROM mailbox
                WHERE person_id = ? AND message_id = ? ORDER BY box""", MessageRepository::holding, person, message);
    }

    public boolean anyRead(UUID message) {
        return jdbc.one("SELECT 1 FROM mailbox WHERE message_id = ? AND box = 'INBOX' AND read_at IS NOT NULL LIMIT 1",
                rs -> true, message).isPresent();
    }

    public void markRead(UUID person, UUID message, Instant at) {
        jdbc.update("UPDATE mailbox SET read_at = ? WHERE person_id = ? AND message_id = ? AND box = 'INBOX' AND read_at IS NULL",
                at, person, message);
    }

    public void markUnread(UUID person, UUID message) {
        jdbc.update("UPDATE mailbox SET read_at = NULL WHERE person_id = ? AND message_id = ? AND box = 'INBOX'", person, message);
    }

    public void trash(UUID person, UUID message, Instant at) {
        jdbc.update("UPDATE mailbox SET trashed_at = ? WHERE person_id = ? AND message_id = ? AND trashed_at IS NULL",
                at, person, message);
    }

    public void restore(UUID person, UUID message) {
        jdbc.update("UPDATE mailbox SET trashed_at = NULL WHERE person_id = ? AND message_id = ?", person, message);
    }

    public void moveToFolder(UUID person, UUID message, UUID folder) {
        jdbc.update("UPDATE mailbox SET folder_id = ? WHERE person_id = ? AND message_id = ?", folder, person, message);
    }

    // --- lists

    private static final String SUMMARY = """
            SELECT m.id, m.conversation_id, m.school_id, b.box, m.sender_id, m.subject, m.sent_at, m.updated_at,
                   b.read_at, b.trashed_at, b.folder_id, m.recalled_at
            FROM mailbox b JOIN message m ON m.id = b.message_id""";

    public record SummaryRow(UUID id, UUID conversationId, UUID schoolId, Box box, UUID senderId, String subject,
                             Instant sentAt, Instant updatedAt, Instant readAt, Instant trashedAt, UUID folderId,
                             Instant recalledAt) {
    }

    private static SummaryRow summary(ResultSet rs) throws SQLException {
        return new SummaryRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                Box.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6), Jdbc.instant(rs, "sent_at"),
                Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "read_at"), Jdbc.instant(rs, "trashed_at"),
                rs.getObject(11, UUID.class), Jdbc.instant(rs, "recalled_at"));
    }

    /** A box (trash and personal folders excluded), newest first; hidden messages are out of recipients' boxes. */
    public List<SummaryRow> box(UUID person, Box box, int page, int size) {
        return jdbc.query(SUMMARY + """
                 WHERE b.person_id = ? AND b.box = ? AND b.trashed_at IS NULL AND b.folder_id IS NULL
                   AND (b.box <> 'INBOX' OR m.hidden_at IS NULL)
                ORDER BY coalesce(m.sent_at, m.updated_at) DESC, m.id LIMIT ? OFFSET ?""",
                MessageRepository::summary, person, box, size + 1, page * size);
    }

    public List<SummaryRow> trashed(UUID person, int page, int size) {
        return jdbc.query(SUMMARY + """
                 WHERE b.person_id = ? AND b.trashed_at IS NOT NULL AND (b.box <> 'INBOX' OR m.hidden_at IS NULL)
                ORDER BY b.trashed_at DESC, m.id LIMIT ? OFFSET ?""", MessageRepository::summary, person, size + 1, page * size);
    }

    public List<SummaryRow> inFolder(UUID person, UUID folder, int page, int size) {
        return jdbc.query(SUMMARY + """
                 WHERE b.person_id = ? AND b.folder_id = ? AND b.trashed_at IS NULL AND (b.box <> 'INBOX' OR m.hidden_at IS NULL)
                ORDER BY coalesce(m.sent_at, m.updated_at) DESC, m.id LIMIT ? OFFSET ?""",
                MessageRepository::summary, person, folder, size + 1, page * size);
    }

    /** Full-text search ('french' configuration, GIN index) in the person's own messages, drafts included. */
    public List<SummaryRow> search(UUID person, String query, int page, int size) {
        return jdbc.query(SUMMARY + """
                 WHERE b.person_id = ? AND m.search @@ plainto_tsquery('french'::regconfig, ?)
                   AND (b.box <> 'INBOX' OR m.hidden_at IS NULL)
                ORDER BY ts_rank(m.search, plainto_tsquery('french'::regconfig, ?)) DESC, coalesce(m.sent_at, m.updated_at) DESC, m.id
                LIMIT ? OFFSET ?""", MessageRepository::summary, person, query, query, size + 1, page * size);
    }

    /** The messages of a conversation the person holds (any box), oldest first. */
    public List<UUID> heldInConversation(UUID person, UUID conversation) {
        return jdbc.query("""
                SELECT DISTINCT m.id, coalesce(m.sent_at, m.updated_at) AS t FROM mailbox b JOIN message m ON m.id = b.message_id
                WHERE b.person_id = ? AND b.conversation_id = ? AND (b.box <> 'INBOX' OR m.hidden_at IS NULL)
                ORDER BY t, m.id""", rs -> rs.getObject(1, UUID.class), person, conversation);
    }

    public int unreadInbox(UUID person) {
        return jdbc.one("""
                SELECT count(*) FROM mailbox b JOIN message m ON m.id = b.message_id
                WHERE b.person_id = ? AND b.box = 'INBOX' AND b.read_at IS NULL AND b.trashed_at IS NULL AND b.folder_id IS NULL
                  AND m.hidden_at IS NULL""",
                rs -> rs.getInt(1), person).orElse(0);
    }

    public List<Object[]> unreadPerFolder(UUID person) {
        return jdbc.query("""
                SELECT b.folder_id, count(*) FROM mailbox b JOIN message m ON m.id = b.message_id
                WHERE b.person_id = ? AND b.box = 'INBOX' AND b.read_at IS NULL AND b.trashed_at IS NULL
                  AND m.hidden_at IS NULL AND b.folder_id IS NOT NULL
                GROUP BY b.folder_id""", rs -> new Object[]{rs.getObject(1, UUID.class), rs.getInt(2)}, person);
    }
}
