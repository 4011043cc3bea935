package fr.ent.timetable.lesson;

import fr.ent.timetable.calendar.YearCalendar;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlanAndOccurrenceTest {

    static final YearCalendar YEAR = new YearCalendar("2026-2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 7, 3),
            List.of(new YearCalendar.Period("Noël", LocalDate.of(2026, 12, 19), LocalDate.of(2027, 1, 3))),
            Set.of(46, 48, 50, 52, 2), Set.of(47, 49, 51, 1, 3),
            Map.of("M1", new YearCalendar.Slot("M1", LocalTime.of(8, 0), LocalTime.of(8, 55)),
                    "S1", new YearCalendar.Slot("S1", LocalTime.of(13, 30), LocalTime.of(14, 25))));

    static final UUID ROOM = UUID.randomUUID();
    static final UUID TEACHER = UUID.randomUUID();
    static final LessonView LESSON = new LessonView(UUID.randomUUID(), UUID.randomUUID(), "2026-2027", "Mathématiques",
            "M1", null, DayOfWeek.WEDNESDAY, Recurrence.WEEKLY, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31), ROOM, false,
            List.of(TEACHER), List.of(UUID.randomUUID()), List.of());

    @Test
    void a_weekly_lesson_skips_public_holidays_and_holiday_periods() {
        Plan plan = new Plan(Recurrence.WEEKLY, DayOfWeek.WEDNESDAY, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31));
        List<LocalDate> dates = plan.dates(YEAR, LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 10));
        assertThat(dates).containsExactly(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 16),
                LocalDate.of(2027, 1, 6));
        Plan thursdays = new Plan(Recurrence.WEEKLY, DayOfWeek.WEDNESDAY, LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 18));
        assertThat(thursdays.dates(YEAR, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)))
                .as("11 November is a public holiday").containsExactly(LocalDate.of(2026, 11, 18));
    }

    @Test
    void week_a_and_week_b_lessons_alternate() {
        Plan a = new Plan(Recurrence.WEEK_A, DayOfWeek.MONDAY, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 18));
        Plan b = new Plan(Recurrence.WEEK_B, DayOfWeek.MONDAY, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 18));
        assertThat(a.dates(YEAR, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 12, 6)))
                .containsExactly(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 23));
        assertThat(b.dates(YEAR, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 12, 6)))
                .containsExactly(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 30));
    }

    @Test
    void an_occurrence_has_a_stable_id_and_says_what_changed() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        Occurrence planned = Occurrence.of(LESSON, day, YEAR, Changes.NONE);
        assertThat(planned.id()).isEqualTo(LESSON.id() + "_2026-12-02");
        assertThat(planned.state()).isEqualTo(OccurrenceState.PLANNED);
        assertThat(planned.planned()).isNull();

        UUID substitute = UUID.randomUUID();
        UUID otherRoom = UUID.randomUUID();
        Occurrence changed = Occurrence.of(LESSON, day, YEAR,
                new Changes(false, LocalDate.of(2026, 12, 3), "S1", null, otherRoom, substitute));
        assertThat(changed.id()).isEqualTo(planned.id());
        assertThat(changed.state()).isEqualTo(OccurrenceState.MOVED);
        assertThat(changed.changes()).containsExactly(OccurrenceState.MOVED, OccurrenceState.SUBSTITUTE,
                OccurrenceState.ROOM_CHANGED);
        assertThat(changed.date()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(changed.startsAt()).isEqualTo(LocalTime.of(13, 30));
        assertThat(changed.teacherIds()).containsExactly(substitute);
        assertThat(changed.planned().date()).isEqualTo(day);
        assertThat(changed.planned().roomId()).isEqualTo(ROOM);
        assertThat(changed.planned().teacherIds()).containsExactly(TEACHER);

        Occurrence cancelled = Occurrence.of(LESSON, day, YEAR, new Changes(true, null, null, null, otherRoom, null));
        assertThat(cancelled.state()).isEqualTo(OccurrenceState.CANCELLED);
        assertThat(cancelled.changes()).containsExactly(OccurrenceState.CANCELLED, OccurrenceState.ROOM_CHANGED);

        Occurrence back = Occurrence.of(LESSON, day, YEAR, new Changes(false, null, null, null, ROOM, null));
        assertThat(back.state()).as("the room set back to the planned one").isEqualTo(OccurrenceState.PLANNED);
    }

    @Test
    void clashes_are_found_by_room_teacher_or_class_but_not_with_a_cancelled_occurrence() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        Occurrence existing = Occurrence.of(LESSON, day, YEAR, Changes.NONE);
        UUID otherLesson = UUID.randomUUID();
        var sameRoom = new Conflicts.Proposed(otherLesson, day, LocalTime.of(8, 30), LocalTime.of(9, 0), ROOM, List.of(), List.of());
        assertThat(Conflicts.first(List.of(sameRoom), List.of(existing)))
                .hasValueSatisfying(c -> assertThat(c.what()).isEqualTo(Conflicts.What.ROOM));
        var sameTeacher = new Conflicts.Proposed(otherLesson, day, LocalTime.of(8, 0), LocalTime.of(8, 55), null,
                List.of(TEACHER), List.of());
        assertThat(Conflicts.first(List.of(sameTeacher), List.of(existing)))
                .hasValueSatisfying(c -> assertThat(c.whose()).isEqualTo(TEACHER));
        var sameClass = new Conflicts.Proposed(otherLesson, day, LocalTime.of(8, 0), LocalTime.of(8, 55), null,
                List.of(), LESSON.classIds());
        assertThat(Conflicts.first(List.of(sameClass), List.of(existing)))
                .hasValueSatisfying(c -> assertThat(c.what()).isEqualTo(Conflicts.What.CLASS));
        var rightAfter = new Conflicts.Proposed(otherLesson, day, LocalTime.of(8, 55), LocalTime.of(9, 50), ROOM,
                List.of(TEACHER), List.of());
        assertThat(Conflicts.first(List.of(rightAfter), List.of(existing))).isEmpty();
        Occurrence cancelled = Occurrence.of(LESSON, day, YEAR, new Changes(true, null, null, null, null, null));
        assertThat(Conflicts.first(List.of(sameRoom), List.of(cancelled))).isEmpty();
        var itself = new Conflicts.Proposed(LESSON.id(), day, LocalTime.of(8, 0), LocalTime.of(8, 55), ROOM, List.of(), List.of());
        assertThat(Conflicts.first(List.of(itself), List.of(existing))).isEmpty();
    }

    /** M1 08:00–08:55, M2 09:00–09:55, a break, M3 10:05–11:00 (listed out of order: the day orders them). */
    static final YearCalendar MORNING = new YearCalendar("2026-2027", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 7, 3),
            List.of(), Set.of(), Set.of(),
            Map.of("M3", new YearCalendar.Slot("M3", LocalTime.of(10, 5), LocalTime.of(11, 0)),
                    "M1", new YearCalendar.Slot("M1", LocalTime.of(8, 0), LocalTime.of(8, 55)),
                    "M2", new YearCalendar.Slot("M2", LocalTime.of(9, 0), LocalTime.of(9, 55))));

    static final LessonView DOUBLE = new LessonView(UUID.randomUUID(), UUID.randomUUID(), "2026-2027", "EPS",
            "M2", "M3", DayOfWeek.WEDNESDAY, Recurrence.WEEKLY, LocalDate.of(2026, 11, 1), LocalDate.of(2027, 1, 31), null,
            false, List.of(TEACHER), List.of(UUID.randomUUID()), List.of());

    @Test
    void a_double_lesson_is_one_occurrence_from_its_first_slots_start_to_its_last_slots_end_across_the_break() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        Occurrence o = Occurrence.of(DOUBLE, day, MORNING, Changes.NONE);
        assertThat(o.slot()).isEqualTo("M2");
        assertThat(o.endSlot()).isEqualTo("M3");
        assertThat(o.startsAt()).isEqualTo(LocalTime.of(9, 0));
        assertThat(o.endsAt()).isEqualTo(LocalTime.of(11, 0));
        // a lesson in its second slot only clashes with it
        var inTheSecondSlot = new Conflicts.Proposed(UUID.randomUUID(), day, LocalTime.of(10, 5), LocalTime.of(11, 0), null,
                List.of(TEACHER), List.of());
        assertThat(Conflicts.first(List.of(inTheSecondSlot), List.of(o))).hasValueSatisfying(c -> assertThat(c.with()).isEqualTo(o));

        Occurrence moved = Occurrence.of(DOUBLE, day, MORNING, Changes.NONE.movedTo(day, "M1", "M2"));
        assertThat(moved.state()).isEqualTo(OccurrenceState.MOVED);
        assertThat(moved.startsAt()).isEqualTo(LocalTime.of(8, 0));
        assertThat(moved.endsAt()).isEqualTo(LocalTime.of(9, 55));
        assertThat(moved.planned().slot()).isEqualTo("M2");
        assertThat(moved.planned().endSlot()).isEqualTo("M3");
        assertThat(moved.planned().endsAt()).isEqualTo(LocalTime.of(11, 0));
        assertThat(Occurrence.of(DOUBLE, day, MORNING, Changes.NONE.movedTo(day, "M2", "M3")).state())
                .as("moved to where it was planned").isEqualTo(OccurrenceState.PLANNED);
        assertThat(Occurrence.of(DOUBLE, day, MORNING, Changes.NONE.movedTo(day, "M2", null)).endsAt())
                .as("shortened to its first slot").isEqualTo(LocalTime.of(9, 55));
    }

    @Test
    void the_last_slot_of_a_lesson_comes_after_its_first_in_the_schools_day() {
        assertThat(MORNING.notAnEndAfter("M1", "M3")).isEmpty();
        assertThat(MORNING.notAnEndAfter("M2", "M1")).hasValueSatisfying(why -> assertThat(why).contains("après M2"));
        assertThat(MORNING.notAnEndAfter("M2", "M2")).isPresent();
        assertThat(MORNING.notAnEndAfter("M1", "Z9")).contains("créneau inconnu dans l'établissement");
        assertThat(MORNING.length("M2", "M3")).isEqualTo(2);
        assertThat(MORNING.length("M2", null)).isEqualTo(1);
        assertThat(MORNING.lastOf("M1", 2)).map(YearCalendar.Slot::code).contains("M2");
        assertThat(MORNING.lastOf("M3", 2)).as("no slot after M3").isEmpty();
    }
}
