package fr.ent.directory;

import fr.ent.events.contract.identity.IdentityEvent;
import io.agroal.api.AgroalDataSource;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static fr.ent.testkit.DirectoryEvents.classGroup;
import static fr.ent.testkit.DirectoryEvents.enrolment;
import static fr.ent.testkit.DirectoryEvents.guardianship;
import static fr.ent.testkit.DirectoryEvents.teaching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A school-sized projection (36 classes of 30 pupils, two guardians each) and the hot-path
 * lookups timed on it. Logs the figures; asserts only the answers (timings vary on a shared machine).
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class DirectoryLookupSpeedTest {

    private static final Logger LOG = Logger.getLogger(DirectoryLookupSpeedTest.class);

    @Inject
    DirectoryProjection projection;

    @Inject
    Directory directory;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void hot_path_lookups_on_a_whole_school_are_indexed() throws SQLException {
        UUID school = UUID.randomUUID(), teacher = UUID.randomUUID();
        LocalDate start = LocalDate.of(2026, 9, 1), day = LocalDate.of(2026, 11, 23);
        List<UUID> classes = new ArrayList<>();
        List<UUID> pupils = new ArrayList<>();
        List<IdentityEvent> events = new ArrayList<>();
        for (int c = 0; c < 36; c++) {
            UUID classId = UUID.randomUUID();
            classes.add(classId);
            events.add(classGroup(classId, school, "Classe " + c, "5EME"));
            events.add(teaching(teacher, school, classId, "MATHS"));
            for (int p = 0; p < 30; p++) {
                UUID pupil = UUID.randomUUID();
                pupils.add(pupil);
                events.add(enrolment(pupil, school, classId, start, null));
                events.add(guardianship(UUID.randomUUID(), pupil, true));
                events.add(guardianship(UUID.randomUUID(), pupil, p % 2 == 0));
            }
        }
        long t0 = System.nanoTime();
        events.forEach(projection::apply);
        long applyNanos = System.nanoTime() - t0;

        int rounds = 5_000;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(directory.pupilsOf(classes.get(i % classes.size()), day)).hasSize(30);
        }
        long rosterNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(directory.guardiansReceivingCommunications(pupils.get(i % pupils.size()))).isNotEmpty();
        }
        long guardiansNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(directory.teaches(teacher, classes.get(i % classes.size()))).isTrue();
        }
        long teachesNanos = System.nanoTime() - t0;
        t0 = System.nanoTime();
        assertThat(directory.guardiansReceivingCommunications(pupils)).hasSize(pupils.size());
        long fanOutNanos = System.nanoTime() - t0;

        LOG.infof("Directory on %d pupils: %d events applied at %.0f/s; pupilsOf %.0f/s, "
                        + "guardiansReceivingCommunications %.0f/s, teaches %.0f/s (one thread); "
                        + "guardians of the whole school in one query: %.1f ms",
                pupils.size(), events.size(), perSecond(events.size(), applyNanos), perSecond(rounds, rosterNanos),
                perSecond(rounds, guardiansNanos), perSecond(rounds, teachesNanos), fanOutNanos / 1e6);
        assertHotPathsUseTheirIndexes();
    }

    /** On a school's worth of rows the planner has a choice: it must pick the index of each lookup. */
    private void assertHotPathsUseTheirIndexes() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
            String id = "'" + UUID.randomUUID() + "'";
            assertThat(plan(s, "SELECT pupil_id FROM directory_membership WHERE class_group_id = " + id
                    + " AND start_date <= DATE '2026-11-23' AND end_date >= DATE '2026-11-23'"))
                    .contains("directory_membership_class_on");
            assertThat(plan(s, "SELECT class_group_id FROM directory_membership WHERE pupil_id = " + id
                    + " AND kind = 'CLASS' AND start_date <= DATE '2026-11-23' AND end_date >= DATE '2026-11-23'"))
                    .contains("directory_membership_pupil");
            assertThat(plan(s, "SELECT guardian_id FROM directory_guardianship WHERE pupil_id = " + id + " AND NOT ended"))
                    .contains("directory_guardianship_pupil");
            assertThat(plan(s, "SELECT pupil_id FROM directory_guardianship WHERE guardian_id = " + id + " AND NOT ended"))
                    .contains("directory_guardianship_guardian");
        }
    }

    private static String plan(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        LOG.debugf("%s%n%s", sql, plan);
        return plan.toString();
    }

    private static double perSecond(int count, long nanos) {
        return count / (nanos / 1e9);
    }
}
