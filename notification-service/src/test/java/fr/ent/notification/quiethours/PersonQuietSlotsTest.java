package fr.ent.notification.quiethours;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonQuietSlotsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final QuietHours.Schedule SCHOOL = new QuietHours.Schedule(QuietHoursRule.NATIONAL_GUIDANCE, PARIS);

    static Instant paris(int day, int hour, int minute) { // November 2026: the 24th is a Tuesday
        return ZonedDateTime.of(2026, 11, day, hour, minute, 0, 0, PARIS).toInstant();
    }

    static QuietSlot slot(DayOfWeek day, int from, int until) {
        return new QuietSlot(day, LocalTime.of(from, 0), LocalTime.of(until, 0));
    }

    @Test
    void without_slots_only_the_schools_quiet_hours_apply() {
        assertThat(PersonQuietSlots.NONE.deferUntil(paris(24, 10, 0), SCHOOL)).isEqualTo(paris(24, 10, 0));
        assertThat(PersonQuietSlots.NONE.deferUntil(paris(24, 21, 0), SCHOOL)).isEqualTo(paris(25, 7, 0));
    }

    @Test
    void a_tuesday_slot_holds_what_falls_in_it_until_its_end_and_nothing_else() {
        PersonQuietSlots mine = new PersonQuietSlots(List.of(slot(DayOfWeek.TUESDAY, 9, 12)));
        assertThat(mine.deferUntil(paris(24, 10, 0), SCHOOL)).isEqualTo(paris(24, 12, 0));
        assertThat(mine.deferUntil(paris(24, 12, 0), SCHOOL)).isEqualTo(paris(24, 12, 0));
        assertThat(mine.deferUntil(paris(24, 8, 59), SCHOOL)).isEqualTo(paris(24, 8, 59));
        assertThat(mine.deferUntil(paris(25, 10, 0), SCHOOL)).as("a Wednesday").isEqualTo(paris(25, 10, 0));
    }

    @Test
    void a_slot_that_ends_in_the_schools_quiet_hours_waits_for_the_next_morning() {
        PersonQuietSlots mine = new PersonQuietSlots(List.of(new QuietSlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), LocalTime.MIDNIGHT)));
        assertThat(mine.deferUntil(paris(24, 18, 30), SCHOOL)).isEqualTo(paris(25, 7, 0));
    }

    @Test
    void the_schools_morning_end_inside_a_slot_moves_on_to_the_slots_end() {
        PersonQuietSlots mine = new PersonQuietSlots(List.of(slot(DayOfWeek.WEDNESDAY, 7, 9), slot(DayOfWeek.WEDNESDAY, 9, 10)));
        assertThat(mine.deferUntil(paris(24, 22, 0), SCHOOL)).as("slots end to end").isEqualTo(paris(25, 10, 0));
    }

    @Test
    void a_whole_saturday_is_the_schools_weekend_anyway_and_a_monday_morning_slot_extends_it() {
        PersonQuietSlots mine = new PersonQuietSlots(List.of(slot(DayOfWeek.MONDAY, 7, 8)));
        assertThat(mine.deferUntil(paris(28, 15, 0), SCHOOL)).isEqualTo(paris(30, 8, 0));
    }

    @Test
    void a_slot_ends_after_it_starts() {
        assertThatThrownBy(() -> slot(DayOfWeek.MONDAY, 12, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> slot(DayOfWeek.MONDAY, 9, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new QuietSlot(DayOfWeek.MONDAY, LocalTime.of(20, 0), LocalTime.MIDNIGHT).until()).isEqualTo(LocalTime.MIDNIGHT);
    }
}
