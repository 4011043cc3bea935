package fr.ent.messaging;

import fr.ent.messaging.message.DeliveryHours;
import fr.ent.messaging.rules.Profile;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryHoursTest {

    // 2026-11-17 is a Tuesday, 2026-11-21 a Saturday.
    @Test
    void a_teacher_writing_at_night_or_at_a_weekend_is_told_notices_wait_until_morning() {
        assertThat(DeliveryHours.noticeFor(Profile.TEACHER, LocalDateTime.parse("2026-11-17T21:30"))).contains("7 h");
        assertThat(DeliveryHours.noticeFor(Profile.TEACHER, LocalDateTime.parse("2026-11-17T06:59"))).isNotNull();
        assertThat(DeliveryHours.noticeFor(Profile.TEACHER, LocalDateTime.parse("2026-11-21T11:00"))).isNotNull();
        assertThat(DeliveryHours.noticeFor(Profile.TEACHER, LocalDateTime.parse("2026-11-17T20:00"))).isNotNull();
    }

    @Test
    void in_the_day_or_from_someone_else_there_is_nothing_to_say() {
        assertThat(DeliveryHours.noticeFor(Profile.TEACHER, LocalDateTime.parse("2026-11-17T07:00"))).isNull();
        assertThat(DeliveryHours.noticeFor(Profile.TEACHER, LocalDateTime.parse("2026-11-17T19:59"))).isNull();
        assertThat(DeliveryHours.noticeFor(Profile.GUARDIAN, LocalDateTime.parse("2026-11-17T23:00"))).isNull();
    }
}
