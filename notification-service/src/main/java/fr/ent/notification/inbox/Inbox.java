package fr.ent.notification.inbox;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The inbox's repository, read side (the write side, batched, is {@link InboxWriter}). Every query
 * is bound to one recipient: nobody reads anyone else's.
 */
@ApplicationScoped
public class Inbox {

    static final String COLUMNS = """
            id, seq, type, school_id, child_id, child_first_name, title, body, link, occurred_at, created_at, read_at""";

    /** A page of a person's inbox, newest first. */
    public record Page(List<InboxEntry> items, int page, int size, long total, long unread) {
    }

    /** Unread notifications, in total and per child. */
    public record UnreadCount(long unread, List<ChildCount> children) {
        public record ChildCount(UUID childId, String firstName, long unread) {
        }
    }

    private record Counts(long total, long unread) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    Inbox(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Page page(UUID recipient, Optional<UUID> child, boolean unreadOnly, int page, int size) {
        String filter = " where recipient_id = ?" + (child.isPresent() ? " and child_id = ?" : "")
                + (unreadOnly ? " and read_at is null" : "");
        List<Object> params = new ArrayList<>(List.of(recipient));
        child.ifPresent(params::add);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<InboxEntry> items = jdbc.query("select " + COLUMNS + " from notification" + filter + " order by seq desc limit ? offset ?",
                Inbox::entry, pageParams.toArray());
        Counts counts = jdbc.one("select count(*) total, count(*) filter (where read_at is null) unread from notification" + filter,
                rs -> new Counts(rs.getLong("total"), rs.getLong("unread")), params.toArray()).orElseThrow();
        return new Page(items, page, size, counts.total(), counts.unread());
    }

    public UnreadCount unread(UUID recipient) {
        List<UnreadCount.ChildCount> perChild = jdbc.query("""
                select child_id, max(child_first_name) first_name, count(*) unread from notification
                where recipient_id = ? and read_at is null group by child_id order by max(child_first_name)""",
                rs -> new UnreadCount.ChildCount(Jdbc.uuid(rs, "child_id"), rs.getString("first_name"), rs.getLong("unread")),
                recipient);
        long total = perChild.stream().mapToLong(UnreadCount.ChildCount::unread).sum();
        return new UnreadCount(total, perChild.stream().filter(c -> c.childId() != null).toList());
    }

    /** Marks one of the person's notifications read; false when it is not theirs (or does not exist). */
    public boolean markRead(UUID recipient, UUID id) {
        return jdbc.update("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?",
                clock.instant(), id, recipient) == 1;
    }

    /** Marks all the person's unread notifications read (about one child, if given); returns how many. */
    public int markAllRead(UUID recipient, Optional<UUID> child) {
        List<Object> params = new ArrayList<>(List.of(clock.instant(), recipient));
        child.ifPresent(params::add);
        return jdbc.update("update notification set read_at = ? where recipient_id = ? and read_at is null"
                + (child.isPresent() ? " and child_id = ?" : ""), params.toArray());
    }

    /** The person's notifications after {@code afterSeq}, oldest first (the stream's catch-up). */
    public List<InboxEntry> after(UUID recipient, long afterSeq, int limit) {
        return jdbc.query("select " + COLUMNS + " from notification where recipient_id = ? and seq > ? order by seq limit ?",
                Inbox::entry, recipient, afterSeq, limit);
    }

    /** The highest committed seq: everything at or below it is visible (see InboxWriter). */
    public long lastSeq() {
        return jdbc.one("select coalesce(max(seq), 0) seq from notification", rs -> rs.getLong("seq")).orElseThrow();
    }

    /** An inbox row with whom it is for (the live stream's feed, which serves many people at once). */
    public record Addressed(UUID recipientId, InboxEntry entry) {
    }

    /**
     * Everyone's rows in (afterSeq, upToSeq], oldest first, at most {@code limit} (the live stream's
     * feed). Not filtered by who has a stream open: the rows of one feed round are few, and naming
     * every listening person in the query cost more (thousands of ids sent, and matched, each round).
     */
    public List<Addressed> between(long afterSeq, long upToSeq, int limit) {
        return jdbc.query("select recipient_id, " + COLUMNS + " from notification where seq > ? and seq <= ? order by seq limit ?",
                rs -> new Addressed(Jdbc.uuid(rs, "recipient_id"), entry(rs)), afterSeq, upToSeq, limit);
    }

    private static InboxEntry entry(ResultSet rs) throws SQLException {
        UUID childId = Jdbc.uuid(rs, "child_id");
        return new InboxEntry(Jdbc.uuid(rs, "id"), rs.getLong("seq"), rs.getString("type"), Jdbc.uuid(rs, "school_id"),
                childId == null ? null : new InboxEntry.Child(childId, rs.getString("child_first_name")),
                rs.getString("title"), rs.getString("body"), rs.getString("link"),
                Jdbc.instant(rs, "occurred_at"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "read_at") != null);
    }
}
