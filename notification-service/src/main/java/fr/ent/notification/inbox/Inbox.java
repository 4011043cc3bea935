package fr.ent.notification.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The read side of inboxes. Every query is bound to one recipient: nobody reads anyone else's. */
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

    private final AgroalDataSource dataSource;
    private final Clock clock;

    Inbox(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Page page(UUID recipient, Optional<UUID> child, boolean unreadOnly, int page, int size) {
        String filter = " where recipient_id = ?" + (child.isPresent() ? " and child_id = ?" : "")
                + (unreadOnly ? " and read_at is null" : "");
        try (Connection c = dataSource.getConnection()) {
            List<InboxEntry> items = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(
                    "select " + COLUMNS + " from notification" + filter + " order by seq desc limit ? offset ?")) {
                int i = bind(q, recipient, child);
                q.setInt(i++, size);
                q.setLong(i, (long) page * size);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        items.add(entry(rs));
                    }
                }
            }
            long total;
            long unread;
            try (PreparedStatement q = c.prepareStatement("select count(*), count(*) filter (where read_at is null) from notification"
                    + filter)) {
                bind(q, recipient, child);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                    unread = rs.getLong(2);
                }
            }
            return new Page(items, page, size, total, unread);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inbox of " + recipient, e);
        }
    }

    public UnreadCount unread(UUID recipient) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("""
                     select child_id, max(child_first_name), count(*) from notification
                     where recipient_id = ? and read_at is null group by child_id order by max(child_first_name)""")) {
            q.setObject(1, recipient);
            long total = 0;
            List<UnreadCount.ChildCount> children = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    total += rs.getLong(3);
                    UUID childId = rs.getObject(1, UUID.class);
                    if (childId != null) {
                        children.add(new UnreadCount.ChildCount(childId, rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            return new UnreadCount(total, children);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count unread notifications of " + recipient, e);
        }
    }

    /** Marks one of the person's notifications read; false when it is not theirs (or does not exist). */
    public boolean markRead(UUID recipient, UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement u = c.prepareStatement("""
                     update notification set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?""")) {
            u.setTimestamp(1, Timestamp.from(clock.instant()));
            u.setObject(2, id);
            u.setObject(3, recipient);
            return u.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark a notification read", e);
        }
    }

    /** Marks all the person's unread notifications read (about one child, if given); returns how many. */
    public int markAllRead(UUID recipient, Optional<UUID> child) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement u = c.prepareStatement("update notification set read_at = ? where recipient_id = ? and read_at is null"
                     + (child.isPresent() ? " and child_id = ?" : ""))) {
            u.setTimestamp(1, Timestamp.from(clock.instant()));
            u.setObject(2, recipient);
            if (child.isPresent()) {
                u.setObject(3, child.get());
            }
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark notifications read", e);
        }
    }

    /** The person's notifications after {@code afterSeq}, oldest first (the stream's catch-up). */
    public List<InboxEntry> after(UUID recipient, long afterSeq, int limit) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select " + COLUMNS
                     + " from notification where recipient_id = ? and seq > ? order by seq limit ?")) {
            q.setObject(1, recipient);
            q.setLong(2, afterSeq);
            q.setInt(3, limit);
            List<InboxEntry> items = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    items.add(entry(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inbox of " + recipient, e);
        }
    }

    /** The highest committed seq: everything at or below it is visible (see InboxWriter). */
    public long lastSeq() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select coalesce(max(seq), 0) from notification");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the inbox sequence", e);
        }
    }

    /** Rows in (afterSeq, upToSeq] for the given recipients, by recipient, oldest first (the live stream's feed). */
    public Map<UUID, List<InboxEntry>> between(long afterSeq, long upToSeq, List<UUID> recipients) {
        Map<UUID, List<InboxEntry>> byRecipient = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select recipient_id, " + COLUMNS
                     + " from notification where seq > ? and seq <= ? and recipient_id = any(?) order by seq")) {
            q.setLong(1, afterSeq);
            q.setLong(2, upToSeq);
            q.setArray(3, c.createArrayOf("uuid", recipients.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byRecipient.computeIfAbsent(rs.getObject(1, UUID.class), r -> new ArrayList<>()).add(entry(rs, 1));
                }
            }
            return byRecipient;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read new notifications", e);
        }
    }

    private static int bind(PreparedStatement q, UUID recipient, Optional<UUID> child) throws SQLException {
        int i = 1;
        q.setObject(i++, recipient);
        if (child.isPresent()) {
            q.setObject(i++, child.get());
        }
        return i;
    }

    private static InboxEntry entry(ResultSet rs) throws SQLException {
        return entry(rs, 0);
    }

    private static InboxEntry entry(ResultSet rs, int o) throws SQLException {
        UUID childId = rs.getObject(o + 5, UUID.class);
        Timestamp read = rs.getTimestamp(o + 12);
        return new InboxEntry(rs.getObject(o + 1, UUID.class), rs.getLong(o + 2), rs.getString(o + 3),
                rs.getObject(o + 4, UUID.class),
                childId == null ? null : new InboxEntry.Child(childId, rs.getString(o + 6)),
                rs.getString(o + 7), rs.getString(o + 8), rs.getString(o + 9),
                rs.getTimestamp(o + 10).toInstant(), rs.getTimestamp(o + 11).toInstant(), read != null);
    }
}
