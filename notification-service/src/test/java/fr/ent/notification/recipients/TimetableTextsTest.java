package fr.ent.notification.recipients;

import fr.ent.events.contract.timetable.LessonChangeKind;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.events.contract.timetable.TeacherAbsenceConfirmed;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The French sentences of the timetable notifiers, without a server. */
class TimetableTextsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8); // a Tuesday

    static LessonChanged change(LessonChangeKind kind, String subject, LocalDate planned, LocalTime plannedAt,
                                LocalDate date, LocalTime at) {
        UUID lesson = UUID.randomUUID();
        return new LessonChanged(lesson + "_" + planned, lesson, UUID.randomUUID(), kind, planned, plannedAt, date, at,
                at.plusMinutes(55), subject, List.of(), List.of(), List.of(), List.of(), null, null, null, null);
    }

    static LessonChanged inRoom(LessonChanged c, String roomName) {
        return new LessonChanged(c.occurrenceId(), c.lessonId(), c.schoolId(), c.kind(), c.plannedDate(),
                c.plannedStartsAt(), c.date(), c.startsAt(), c.endsAt(), c.subject(), c.classIds(), c.groupIds(),
                c.teacherIds(), c.previousTeacherIds(), UUID.randomUUID(), UUID.randomUUID(), c.absenceId(), roomName);
    }

    static String sentence(LessonChanged c) {
        return LessonChangedNotifier.sentence(c, c.plannedDate(), TODAY);
    }

    @Test
    void each_kind_of_change_in_one_sentence() {
        LocalTime ten = LocalTime.of(10, 0);
        assertThat(sentence(change(LessonChangeKind.CANCELLED, "Mathématiques", TODAY.plusDays(1), ten, TODAY.plusDays(1), ten)))
                .isEqualTo("Cours de mathématiques de demain 10h annulé.");
        assertThat(sentence(change(LessonChangeKind.MOVED, "Mathématiques", TODAY.plusDays(2), ten, TODAY.plusDays(3),
                LocalTime.of(14, 0)))).isEqualTo("Cours de mathématiques du jeudi 10 décembre 10h déplacé au vendredi 11 décembre 14h.");
        assertThat(sentence(change(LessonChangeKind.MOVED, "Anglais", TODAY, ten, TODAY, LocalTime.of(15, 35))))
                .isEqualTo("Cours d'anglais d'aujourd'hui 10h déplacé à 15h35.");
        assertThat(sentence(change(LessonChangeKind.ROOM_CHANGED, "SVT", TODAY.plusDays(1), ten, TODAY.plusDays(1), ten)))
                .isEqualTo("Cours de SVT de demain 10h : changement de salle.");
        assertThat(sentence(inRoom(change(LessonChangeKind.ROOM_CHANGED, "SVT", TODAY.plusDays(1), ten, TODAY.plusDays(1), ten),
                "B12"))).isEqualTo("Cours de SVT de demain 10h : en salle B12.");
        assertThat(sentence(change(LessonChangeKind.SUBSTITUTE, "Histoire", TODAY.plusDays(1), ten, TODAY.plusDays(1), ten)))
                .isEqualTo("Cours d'histoire de demain 10h assuré par un remplaçant.");
        assertThat(sentence(change(LessonChangeKind.ADDED, "Soutien", TODAY.plusDays(1), ten, TODAY.plusDays(1), ten)))
                .isEqualTo("Cours de soutien ajouté demain à 10h.");
        assertThat(sentence(change(LessonChangeKind.RESTORED, "Mathématiques", TODAY.plusDays(1), ten, TODAY.plusDays(1), ten)))
                .isEqualTo("Cours de mathématiques de demain 10h rétabli : il a bien lieu.");
    }

    @Test
    void the_window_is_today_and_the_next_seven_days() {
        assertThat(Lessons.withinWindow(TODAY, TODAY)).isTrue();
        assertThat(Lessons.withinWindow(TODAY.plusDays(7), TODAY)).isTrue();
        assertThat(Lessons.withinWindow(TODAY.plusDays(8), TODAY)).isFalse();
        assertThat(Lessons.withinWindow(TODAY.minusDays(1), TODAY)).isFalse();
    }

    @Test
    void a_day_of_absence_is_summed_up_by_subject_and_outcome() {
        var cancelled = TeacherAbsenceConfirmed.Outcome.CANCELLED;
        assertThat(TeacherAbsenceConfirmedNotifier.summary(new java.util.ArrayList<>(List.of(
                lesson(10, "Mathématiques", cancelled), lesson(14, "Mathématiques", cancelled)))))
                .isEqualTo("mathématiques 10h et 14h annulées");
        assertThat(TeacherAbsenceConfirmedNotifier.summary(List.of(lesson(9, "Latin", TeacherAbsenceConfirmed.Outcome.SUBSTITUTE))))
                .isEqualTo("latin 9h assurée par un remplaçant");
    }

    static TeacherAbsenceConfirmed.Occurrence lesson(int hour, String subject, TeacherAbsenceConfirmed.Outcome outcome) {
        UUID lesson = UUID.randomUUID();
        return new TeacherAbsenceConfirmed.Occurrence(lesson + "_" + TODAY, lesson, TODAY, LocalTime.of(hour, 0),
                LocalTime.of(hour, 55), subject, List.of(), List.of(), outcome, null);
    }
}
