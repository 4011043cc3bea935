package fr.ent.audit;

import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The audit trail of pupils' data: who read or changed which pupil's data, when, from which
 * request. One call per place in a service:
 *
 * <pre>{@code
 * audit.read(schoolId, pupilId, "attendance.record.read");                    // after the access check
 * audit.changed(schoolId, pupilId, "attendance.absence.recorded", absenceId); // in the change's transaction
 * }</pre>
 *
 * <p>Guarantees: a change's entry is written <b>in the caller's transaction</b> (inside JTA, Agroal
 * gives it the very connection Hibernate uses), so it commits or rolls back with the change, and
 * {@link #changed} refuses to run without one. A read's entry joins the caller's transaction if there
 * is one, else is written in a short one of its own. Who (person or client, roles) comes from the
 * token ({@link CurrentUser}), the request id from {@value #REQUEST_ID}, the time from
 * {@link SchoolClock}. An entry holds ids and the action code, never the data itself.
 */
@ApplicationScoped
public class AuditTrail {

    /** The header the gateway sets on every request it forwards (its own, or the client's when sane). */
    public static final String REQUEST_ID = "X-Request-Id";

    /** {@code <service>.<thing>.<verb>}: lower case, dot-separated, stable (it is what heads filter on). */
    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+");
    /** Same rule as the gateway's: what it forwards always passes; anything else is not stored. */
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    static final String INSERT = """
            insert into ent_audit_entry (id, school_id, pupil_id, actor_person_id, actor_client, actor_roles, action,
                                         target_id, request_id, occurred_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** One entry to write (see {@link #changed(List)}). */
    public record Change(UUID schoolId, UUID pupilId, String action, UUID targetId) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    SchoolClock clock;

    @Inject
    CurrentUser user;

    @Inject
    JsonWebToken token;

    @Inject
    CurrentVertxRequest request;

    // --- writing

    /** A read of a pupil's data; call it once access is granted. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void read(UUID schoolId, UUID pupilId, String action) {
        write("read", List.of(new Change(schoolId, pupilId, action, null)));
    }

    /** A read of one thing of a pupil's (a justification, an attachment). */
    @Transactional(Transactional.TxType.REQUIRED)
    public void read(UUID schoolId, UUID pupilId, String action, UUID targetId) {
        write("read", List.of(new Change(schoolId, pupilId, action, targetId)));
    }

    /**
     * A read that shows many pupils at once (a list, an export): one entry per distinct pupil, so
     * that a pupil's trail shows it; written in one batch.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void readAll(UUID schoolId, String action, Collection<UUID> pupilIds) {
        List<Change> entries = new ArrayList<>();
        new LinkedHashSet<>(pupilIds).forEach(pupil -> entries.add(new Change(schoolId, pupil, action, null)));
        write("read", entries);
    }

    /**
     * A change of a pupil's data, recorded in the caller's transaction.
     *
     * @throws IllegalStateException when no transaction is active: the entry must commit with the change
     */
    public void changed(UUID schoolId, UUID pupilId, String action, UUID targetId) {
        changed(List.of(new Change(schoolId, pupilId, action, targetId)));
    }

    /** Several changes of one transaction (a register's absences), written in one batch. */
    public void changed(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("AuditTrail.changed(" + changes.get(0).action() + ") needs an active "
                    + "transaction: call it from the @Transactional method that makes the change, so that the entry "
                    + "commits or rolls back with it");
        }
        write("changed", changes);
    }

    /**
     * The school whose trail an access to a pupil goes in: the pupil's school the caller belongs to,
     * else (a guardian or an admin whose token does not list it) the pupil's first school; null when
     * the pupil has none.
     */
    public UUID schoolOf(Collection<UUID> schoolsOfPupil) {
        if (schoolsOfPupil == null || schoolsOfPupil.isEmpty()) {
            return null;
        }
        return schoolsOfPupil.stream().filter(this::callerBelongsTo).sorted().findFirst()
                .orElseGet(() -> schoolsOfPupil.stream().sorted().findFirst().orElseThrow());
    }

    private void write(String kind, List<Change> entries) {
        entries.forEach(e -> {
            Objects.requireNonNull(e.action(), "action");
            if (e.action().length() > 100 || !ACTION.matcher(e.action()).matches()) {
                throw new IllegalArgumentException("AuditTrail." + kind + ": action '" + e.action() + "' is not a "
                        + "stable code: write <service>.<thing>.<verb> in lower case, e.g. attendance.record.read");
            }
        });
        Actor actor = actor();
        String requestId = requestId();
        // Microseconds: what PostgreSQL keeps, so an entry reads back as it was written.
        OffsetDateTime now = clock.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Array roles = connection.createArrayOf("text", actor.roles());
            for (Change e : entries) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, e.schoolId());
                insert.setObject(3, e.pupilId());
                insert.setObject(4, actor.personId());
                insert.setString(5, actor.client());
                insert.setArray(6, roles);
                insert.setString(7, e.action());
                insert.setObject(8, e.targetId());
                insert.setString(9, requestId);
                insert.setObject(10, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record " + entries.get(0).action() + " in the audit trail", e);
        }
    }

    // --- reading

    /**
     * A school's trail, newest first, optionally of one pupil and within [from, to).
     *
     * @param page from 0
     * @param size entries per page
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AuditPage ofSchool(UUID schoolId, UUID pupilId, OffsetDateTime from, OffsetDateTime to, int page, int size) {
        Objects.requireNonNull(schoolId, "schoolId");
        StringBuilder where = new StringBuilder(" from ent_audit_entry where school_id = ?");
        List<Object> params = new ArrayList<>(List.of(schoolId));
        if (pupilId != null) {
            where.append(" and pupil_id = ?");
            params.add(pupilId);
        }
        if (from != null) {
            where.append(" and occurred_at >= ?");
            params.add(from);
        }
        if (to != null) {
            where.append(" and occurred_at < ?");
            params.add(to);
        }
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "select count(*)" + where, params);
                 ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<AuditEntry> items = new ArrayList<>();
            List<Object> paged = new ArrayList<>(params);
            paged.add(size);
            paged.add((long) page * size);
            try (PreparedStatement select = prepare(connection, "select id, school_id, pupil_id, actor_person_id, "
                    + "actor_client, actor_roles, action, target_id, request_id, occurred_at" + where
                    + " order by occurred_at desc, id limit ? offset ?", paged);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new AuditEntry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5),
                            List.of((String[]) rs.getArray(6).getArray()), rs.getString(7), rs.getObject(8, UUID.class),
                            rs.getString(9), rs.getObject(10, OffsetDateTime.class)
                                    .atZoneSameInstant(clock.zone()).toOffsetDateTime()));
                }
            }
            return new AuditPage(items, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail of school " + schoolId, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }

    // --- who and which request

    private record Actor(UUID personId, String client, String[] roles) {
        static final Actor NOBODY = new Actor(null, null, new String[0]);
    }

    /** Outside a request (a Kafka consumer, a scheduled job) there is no caller: the entry says nobody. */
    private Actor actor() {
        if (!requestActive() || !user.isAuthenticated()) {
            return Actor.NOBODY;
        }
        String[] roles = user.roles().stream().sorted().toArray(String[]::new);
        if (user.isPerson()) {
            return new Actor(user.personId(), null, roles);
        }
        // A service account: Keycloak names its client in azp (client_id on client-credentials tokens).
        Object client = token.getClaim("azp");
        if (client == null) {
            client = token.getClaim("client_id");
        }
        String name = client != null ? String.valueOf(client).replace("\"", "") : token.getName();
        return new Actor(null, name != null && name.length() > 200 ? name.substring(0, 200) : name, roles);
    }

    private String requestId() {
        if (!requestActive()) {
            return null;
        }
        RoutingContext current = request.getCurrent();
        String id = current == null ? null : current.request().getHeader(REQUEST_ID);
        return id != null && SANE_REQUEST_ID.matcher(id).matches() ? id : null;
    }

    private boolean callerBelongsTo(UUID schoolId) {
        return requestActive() && user.belongsTo(schoolId);
    }

    private static boolean requestActive() {
        return Arc.container().requestContext().isActive();
    }
}
