package fr.ent.attendance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the service's tables hold, for a test to check what no endpoint shows (the outbox, a row's absence). */
final class Rows {

    private Rows() {
    }

    /** The single number a {@code select count(*) ... where x = ?} returns. */
    static long count(DataSource db, String sql, Object param) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
