package fr.ent.timetable.importing;

import fr.ent.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV and iCalendar formats read as plain rules: fields, separators, lines and errors. */
class FormatsTest {

    @Test
    void csv_reads_either_separator_quotes_days_and_weeks_and_names_each_bad_field_by_line() {
        Csv.Parsed parsed = Csv.parse("""
                créneau,jour,semaine,matière,enseignant,classes,salle,from
                M1,lundi,,"Maths, algèbre",Anne Martin+Bruno Petit,4A|Latin,B12,01/12/2026
                M2,dimanche,A,Histoire,Bruno Petit,4A,,
                M3,3,C,Histoire,,4A,,2026-13-01
                """);
        assertThat(parsed.lines()).hasSize(1);
        ImportLine first = parsed.lines().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.subject()).isEqualTo("Maths, algèbre");
        assertThat(first.teachers()).containsExactly("Anne Martin", "Bruno Petit");
        assertThat(first.classesAndGroups()).containsExactly("4A", "Latin");
        assertThat(first.day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(first.week()).isEqualTo("WEEKLY");
        assertThat(first.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(parsed.errors()).extracting(ImportReport.LineError::line, ImportReport.LineError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "day"), org.assertj.core.groups.Tuple.tuple(4, "week"),
                        org.assertj.core.groups.Tuple.tuple(4, "teacher"), org.assertj.core.groups.Tuple.tuple(4, "from"));
    }

    @Test
    void csv_slot_is_one_slot_or_the_first_and_last_of_a_lesson_over_several() {
        Csv.Parsed parsed = Csv.parse("""
                slot;day;week;subject;teacher;classes;room
                M1-M2;lundi;;EPS;Anne Martin;4A;
                S1 – S2;mardi;;EPS;Anne Martin;4A;
                M3;jeudi;;Maths;Anne Martin;4A;B12
                M1-;vendredi;;EPS;Anne Martin;4A;
                M1-M2-M3;vendredi;;EPS;Anne Martin;4A;
                """);
        assertThat(parsed.lines()).extracting(ImportLine::slot, ImportLine::endSlot).containsExactly(
                org.assertj.core.groups.Tuple.tuple("M1", "M2"), org.assertj.core.groups.Tuple.tuple("S1", "S2"),
                org.assertj.core.groups.Tuple.tuple("M3", null));
        assertThat(parsed.errors()).extracting(ImportReport.LineError::line, ImportReport.LineError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "slot"), org.assertj.core.groups.Tuple.tuple(6, "slot"));
        assertThat(parsed.errors().get(0).message()).contains("M1-M2");
    }

    @Test
    void csv_without_its_columns_or_with_an_open_quote_is_malformed() {
        assertThatThrownBy(() -> Csv.parse("slot;day\nM1;lundi\n")).isInstanceOf(ProblemException.class)
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> Csv.parse("slot;day;week;subject;teacher;classes;room\nM1;lundi;;\"Maths;A;4A;B12\n"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("Ligne 2");
        assertThatThrownBy(() -> Csv.parse("\n\n")).isInstanceOf(ProblemException.class);
    }

    @Test
    void icalendar_events_give_their_times_recurrence_and_begin_line() {
        Csv.Parsed parsed = Ics.parse("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//test//FR
                BEGIN:VEVENT
                UID:a
                DTSTAMP:20260901T080000Z
                DTSTART;TZID=Europe/Paris:20261124T100500
                DTEND;TZID=Europe/Paris:20261124T110000
                RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270301T000000Z
                SUMMARY:Latin
                ATTENDEE;CN=Anne Martin:mailto:a@x
                CATEGORIES:Latin 4e,4A
                END:VEVENT
                BEGIN:VEVENT
                UID:b
                DTSTAMP:20260901T080000Z
                DTSTART:20261124T070500Z
                DURATION:PT55M
                SUMMARY:Maths
                ATTENDEE:mailto:nobody@x
                CATEGORIES:4A
                END:VEVENT
                END:VCALENDAR
                """.replace("\n", "\r\n"), ZoneId.of("Europe/Paris"));
        assertThat(parsed.lines()).hasSize(1);
        ImportLine latin = parsed.lines().get(0);
        assertThat(latin.line()).isEqualTo(4);
        assertThat(latin.uid()).isEqualTo("a");
        assertThat(latin.startsAt()).isEqualTo(LocalTime.of(10, 5));
        assertThat(latin.endsAt()).isEqualTo(LocalTime.of(11, 0));
        assertThat(latin.week()).isEqualTo("ALTERNATE");
        assertThat(latin.to()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(latin.classesAndGroups()).containsExactly("Latin 4e", "4A");
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(14);
            assertThat(e.uid()).isEqualTo("b");
            assertThat(e.field()).isEqualTo("ATTENDEE");
        });
    }

    @Test
    void the_import_key_ignores_order_and_case_but_not_the_facts() {
        UUID t1 = UUID.randomUUID();
        UUID t2 = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        String a = ImportService.key("M1", DayOfWeek.MONDAY, fr.ent.timetable.lesson.Recurrence.WEEKLY, "Mathématiques",
                List.of(t1, t2), List.of(c), List.of(), null, null, null, null);
        String b = ImportService.key("M1", DayOfWeek.MONDAY, fr.ent.timetable.lesson.Recurrence.WEEKLY, " mathematiques ",
                List.of(t2, t1), List.of(c), List.of(), null, null, null, null);
        String other = ImportService.key("M2", DayOfWeek.MONDAY, fr.ent.timetable.lesson.Recurrence.WEEKLY, "Mathématiques",
                List.of(t1, t2), List.of(c), List.of(), null, null, null, null);
        assertThat(a).isEqualTo(b).isNotEqualTo(other);
    }
}
