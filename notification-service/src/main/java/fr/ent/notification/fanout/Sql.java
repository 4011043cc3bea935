package fr.ent.notification.fanout;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** Column arrays for {@code insert ... select from unnest(...)}: one statement for thousands of rows. */
public final class Sql {

    private Sql() {
    }

    public static <T> Array uuids(Connection c, List<T> rows, Function<T, UUID> column) throws SQLException {
        return c.createArrayOf("uuid", rows.stream().map(column).toArray());
    }

    public static <T> Array texts(Connection c, List<T> rows, Function<T, String> column) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(column).toArray(String[]::new));
    }
}
