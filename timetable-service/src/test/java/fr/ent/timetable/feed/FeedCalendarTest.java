package fr.ent.timetable.feed;

import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.lesson.OccurrenceState;
import fr.ent.timetable.week.Names;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed's text, parsed back by ical4j's own parser: a moved occurrence with a substitute and a link. */
class FeedCalendarTest {

    final UUID lesson = UUID.randomUUID();
    final UUID anne = UUID.randomUUID();
    final UUID bruno = UUID.randomUUID();
    final UUID b12 = UUID.randomUUID();
    final UUID labo = UUID.randomUUID();
    final UUID classA = UUID.randomUUID();
    final UUID child = UUID.randomUUID();

    @Test
    void a_moved_occurrence_shows_at_its_new_time_in_paris_with_what_changed_in_french() throws Exception {
        LocalDate planned = LocalDate.of(2027, 3, 23);
        Occurrence moved = new Occurrence(Occurrence.id(lesson, planned), lesson, UUID.randomUUID(), "Mathématiques",
                LocalDate.of(2027, 3, 29), "S1", null, LocalTime.of(13, 30), LocalTime.of(14, 25), labo, List.of(bruno),
                List.of(classA), List.of(), OccurrenceState.MOVED,
                List.of(OccurrenceState.MOVED, OccurrenceState.SUBSTITUTE, OccurrenceState.ROOM_CHANGED),
                new Occurrence.Planned(planned, "M3", null, LocalTime.of(10, 5), LocalTime.of(11, 0), b12, List.of(anne)),
                "https://meet.jit.si/Maths4A");
        Names.Of names = new Names.Of(Map.of(anne, "Anne Martin", bruno, "Bruno Petit"), Map.of(b12, "B12", labo, "Labo"),
                Map.of(classA, "4A"));
        String ics = FeedCalendar.write("Emploi du temps", List.of(new FeedCalendar.Entry(moved, child, "Léa")), names,
                Instant.parse("2027-03-20T08:00:00Z"));

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(moved.id() + "." + child + "@ent");
        // after the change to summer time: 13:30 in Paris is 11:30 UTC
        assertThat(Instant.from(event.getStartDate().orElseThrow().getDate())).isEqualTo(Instant.parse("2027-03-29T11:30:00Z"));
        assertThat(ics).contains("DTSTART;TZID=Europe/Paris:20270329T133000").contains("BEGIN:VTIMEZONE");
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Mathématiques — Léa");
        assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Labo");
        assertThat(event.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(event.getProperty("URL").orElseThrow().getValue()).isEqualTo("https://meet.jit.si/Maths4A");
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue())
                .contains("Déplacé (prévu le 23/03 à 10:05)", "Remplacement : Bruno Petit remplace Anne Martin",
                        "Salle changée (prévue : B12)", "Enseignant : Bruno Petit", "Classe : 4A",
                        "Classe virtuelle : https://meet.jit.si/Maths4A");
    }
}
