package fr.ent.timetable.week;

import fr.ent.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeeksTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 17);

    @Test
    void a_week_is_an_iso_week_a_date_or_this_week() {
        assertThat(Weeks.monday("2026-W47", null, TODAY)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(Weeks.monday("2027-W01", null, TODAY)).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(Weeks.monday(null, LocalDate.of(2026, 11, 29), TODAY)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Weeks.monday(null, null, TODAY)).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(Weeks.label(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
    }

    @Test
    void anything_else_is_a_400_naming_the_parameter() {
        assertThatThrownBy(() -> Weeks.monday("2026-47", null, TODAY)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("week");
        assertThatThrownBy(() -> Weeks.monday("2027-W53", null, TODAY)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Weeks.monday("2026-W47", TODAY, TODAY)).isInstanceOf(ProblemException.class);
    }
}
