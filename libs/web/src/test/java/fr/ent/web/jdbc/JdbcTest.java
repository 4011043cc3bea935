package fr.ent.web.jdbc;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class JdbcTest {

    enum Kind { PUPIL, TEACHER }

    record Thing(UUID id, String name, Kind kind, Instant at, Integer size) {
    }

    @Inject
    Jdbc jdbc;

    @BeforeEach
    void emptyTable() {
        jdbc.execute("""
                create table if not exists thing (id uuid primary key, name text, kind text, at timestamptz, size int,
                                                  seq bigserial)""");
        jdbc.update("delete from thing");
    }

    @Test
    void parameters_and_columns_round_trip_enums_instants_and_nulls() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-17T09:30:00.123456Z");
        assertThat(jdbc.update("insert into thing (id, name, kind, at, size) values (?, ?, ?, ?, ?)", id, "Léa", Kind.PUPIL, at, null))
                .isEqualTo(1);

        Thing read = jdbc.one("select * from thing where id = ?", JdbcTest::thing, id).orElseThrow();
        assertThat(read).isEqualTo(new Thing(id, "Léa", Kind.PUPIL, at, null));
        // Bound as an instant, whatever the session's zone: the same moment in UTC.
        assertThat(jdbc.one("select to_char(at at time zone 'UTC', 'HH24:MI') t from thing", rs -> rs.getString("t")))
                .contains("09:30");
        assertThat(jdbc.one("select * from thing where id = ?", JdbcTest::thing, UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_batch_and_array_parameters_write_and_read_many_rows_in_one_statement() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new Object[]{UUID.randomUUID(), "pupil " + i, Kind.PUPIL, Instant.EPOCH, i});
        }
        jdbc.batch("insert into thing (id, name, kind, at, size) values (?, ?, ?, ?, ?)", rows);
        assertThat(jdbc.one("select count(*) n from thing", rs -> rs.getLong("n"))).contains(30L);

        List<Thing> more = List.of(new Thing(UUID.randomUUID(), "Zoé", Kind.TEACHER, null, null),
                new Thing(UUID.randomUUID(), null, Kind.TEACHER, null, null));
        int inserted = jdbc.update("insert into thing (id, name, kind) select * from unnest(?::uuid[], ?::text[], ?::text[])",
                Jdbc.uuids(more, Thing::id), Jdbc.texts(more, Thing::name), Jdbc.texts(more, t -> t.kind().name()));
        assertThat(inserted).isEqualTo(2);

        List<UUID> wanted = List.of(more.get(0).id(), more.get(1).id(), (UUID) rows.get(3)[0]);
        assertThat(jdbc.query("select * from thing where id = any(?) order by name nulls last", JdbcTest::thing,
                new Jdbc.UuidArray(wanted)))
                .extracting(Thing::name).containsExactly("Zoé", "pupil 3", null);
        List<Long> seqs = jdbc.query("select seq from thing where id = any(?)", rs -> rs.getLong("seq"), new Jdbc.UuidArray(wanted));
        assertThat(jdbc.update("delete from thing where seq = any(?)", Jdbc.bigints(seqs))).isEqualTo(3);
    }

    @Test
    void inside_a_transaction_every_call_runs_on_its_connection_and_rolls_back_with_it() {
        List<Long> transactionIds = new ArrayList<>();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            transactionIds.add(jdbc.one("select txid_current() x", rs -> rs.getLong("x")).orElseThrow());
            jdbc.update("insert into thing (id, name) values (?, ?)", UUID.randomUUID(), "rolled back");
            transactionIds.add(jdbc.one("select txid_current() x", rs -> rs.getLong("x")).orElseThrow());
            assertThat(jdbc.one("select count(*) n from thing", rs -> rs.getLong("n"))).contains(1L);
            throw new IllegalStateException("the caller fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(transactionIds.get(1)).isEqualTo(transactionIds.get(0));
        assertThat(jdbc.one("select count(*) n from thing", rs -> rs.getLong("n"))).contains(0L);
    }

    @Test
    void a_failing_statement_says_its_sql_state() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into thing (id) values (?)", id);
        assertThatThrownBy(() -> jdbc.update("insert into thing (id) values (?)", id))
                .isInstanceOfSatisfying(Jdbc.DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"))
                .hasMessageContaining("insert into thing");
    }

    private static Thing thing(java.sql.ResultSet rs) throws java.sql.SQLException {
        String kind = rs.getString("kind");
        return new Thing(Jdbc.uuid(rs, "id"), rs.getString("name"), kind == null ? null : Kind.valueOf(kind),
                Jdbc.instant(rs, "at"), Jdbc.integer(rs, "size"));
    }
}
