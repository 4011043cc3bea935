package fr.ent.web.jdbc;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Plain JDBC on the service's datasource. Inside a {@code @Transactional} method the connection is
 * the transaction's own (Agroal enlists it; the outbox writes through the same one), so SQL written
 * here commits or rolls back with everything else, and row locks taken by one call hold for the
 * next. Outside a transaction each call runs on its own connection, in autocommit. For the write
 * paths where Hibernate cannot batch well: a roll call of 30 marks, thousands of inbox rows in one
 * {@code insert ... select from unnest(?, ?, ...)}.
 *
 * <p>Parameters: {@code null}, enums (by name), {@link Instant}s (as {@code timestamptz}),
 * {@link UuidArray} and {@link SqlArray} (for {@code = any(?)} and {@code unnest}); anything else
 * as the driver binds it.
 */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** A {@code uuid[]} parameter, for {@code = any(?)}. */
    public record UuidArray(Collection<UUID> values) {
    }

    /** An array parameter of any SQL element type ({@code text}, {@code bigint}...); see {@link #texts}, {@link #bigints}. */
    public record SqlArray(String elementType, List<?> values) {
    }

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /** Runs a statement for its effect only, e.g. {@code select pg_advisory_xact_lock(?)}. */
    public void execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            ps.execute();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /** The first row, if any. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** One statement, many parameter rows: a single round trip with reWriteBatchedInserts. */
    public void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(c, ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /** One column of {@code rows} as a {@code uuid[]}: with {@link #texts}, a whole batch as the columns of one {@code unnest}. */
    public static <T> SqlArray uuids(Collection<T> rows, Function<T, UUID> column) {
        return new SqlArray("uuid", rows.stream().map(column).toList());
    }

    /** One column of {@code rows} as a {@code text[]} (nulls allowed). */
    public static <T> SqlArray texts(Collection<T> rows, Function<T, String> column) {
        return new SqlArray("text", rows.stream().map(column).toList());
    }

    /** A {@code bigint[]}, for {@code id = any(?)}. */
    public static SqlArray bigints(Collection<Long> values) {
        return new SqlArray("bigint", List.copyOf(values));
    }

    private static void bind(Connection c, PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof UuidArray array) {
                ps.setArray(i + 1, c.createArrayOf("uuid", array.values().toArray()));
            } else if (p instanceof SqlArray array) {
                ps.setArray(i + 1, c.createArrayOf(array.elementType(), array.values().toArray()));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else if (p instanceof Instant instant) {
                // An offset the driver sends as timestamptz; never the JVM's zone.
                ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /** A {@code timestamptz} column, or null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A database failure the service did not expect: a 500 with the SQL state in the log. */
    public static class DataAccessException extends RuntimeException {
        private final String sqlState;

        DataAccessException(String sql, SQLException cause) {
            super("SQL failed (" + cause.getSQLState() + "): " + sql, cause);
            this.sqlState = cause.getSQLState();
        }

        public String sqlState() {
            return sqlState;
        }
    }
}
