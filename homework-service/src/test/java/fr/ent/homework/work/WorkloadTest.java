package fr.ent.homework.work;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The load rules, without HTTP or a database. */
class WorkloadTest {

    private static final Workload.Thresholds DEFAULTS = new Workload.Thresholds(3, 60, 1, LocalTime.of(7, 30), LocalTime.of(18, 30));
    private static final LocalDate THURSDAY = LocalDate.of(2026, 12, 10);

    private static Work work(WorkKind kind, int minutes) {
        Work w = new Work();
        w.kind = kind;
        w.estimatedMinutes = minutes;
        return w;
    }

    @Test
    void a_day_at_the_thresholds_gives_no_warning() {
        Workload load = Workload.of(THURSDAY, List.of(work(WorkKind.EXERCISE, 20), work(WorkKind.READING, 10),
                work(WorkKind.TEST_REVISION, 30)), DEFAULTS);
        assertThat(load.count()).isEqualTo(3);
        assertThat(load.minutes()).isEqualTo(60);
        assertThat(load.tests()).isEqualTo(1);
        assertThat(load.warnings()).isEmpty();
        assertThat(load.message()).isNull();
    }

    @Test
    void each_threshold_passed_is_a_warning_with_its_french_words() {
        Workload load = Workload.of(THURSDAY, List.of(work(WorkKind.TEST_REVISION, 30), work(WorkKind.TEST_REVISION, 30),
                work(WorkKind.HAND_IN, 30), work(WorkKind.EXERCISE, 5)), DEFAULTS);
        assertThat(load.warnings()).containsExactly("TOO_MANY_WORKS", "TOO_MANY_MINUTES", "TOO_MANY_TESTS");
        assertThat(load.message()).isEqualTo("Charge de travail élevée pour la classe : 4 travaux pour ce jour (au-delà de 3), "
                + "95 minutes de travail estimées (au-delà de 60), 2 contrôles à réviser (au-delà de 1).");
    }

    @Test
    void work_set_before_or_after_the_school_day_or_at_the_weekend_is_outside_school_hours() {
        assertThat(Workload.outsideSchoolHours(LocalDateTime.of(THURSDAY, LocalTime.of(7, 29)), DEFAULTS)).isTrue();
        assertThat(Workload.outsideSchoolHours(LocalDateTime.of(THURSDAY, LocalTime.of(7, 30)), DEFAULTS)).isFalse();
        assertThat(Workload.outsideSchoolHours(LocalDateTime.of(THURSDAY, LocalTime.of(18, 29)), DEFAULTS)).isFalse();
        assertThat(Workload.outsideSchoolHours(LocalDateTime.of(THURSDAY, LocalTime.of(18, 30)), DEFAULTS)).isTrue();
        assertThat(Workload.outsideSchoolHours(LocalDateTime.of(THURSDAY.plusDays(2), LocalTime.of(10, 0)), DEFAULTS)).isTrue();
    }
}
