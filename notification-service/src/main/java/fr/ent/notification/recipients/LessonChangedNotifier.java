package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.timetable.LessonChanged;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A lesson of the next 7 days changed: the pupils of its classes and groups, their guardians (one
 * notice per child) and its teachers, before and after the change, are told in one sentence
 * (« Cours de mathématiques de demain 10h annulé »). Further away: nobody (the week shows it).
 * A change made by confirming a teacher's absence ({@code absenceId}) is not told on its own:
 * {@link TeacherAbsenceConfirmedNotifier} sums the day up.
 */
@ApplicationScoped
public class LessonChangedNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    LessonChangedNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return LessonChanged.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.TIMETABLE_CHANGE;
    }

    /** A guardian with two children in the class gets one notice per child. */
    @Override
    public String partOf(Notice notice) {
        return notice.childId() == null ? null : notice.childId().toString();
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        LessonChanged change = event.data(LessonChanged.class);
        if (change.absenceId() != null) {
            return List.of();
        }
        if (change.kind() == null || change.date() == null || change.startsAt() == null) {
            throw new PoisonEventException("lesson-changed without kind, date or startsAt");
        }
        UUID school = Pupils.schoolOf(change.schoolId(), event);
        ZoneId zone = pupils.zoneOf(school);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate planned = change.plannedDate() == null ? change.date() : change.plannedDate();
        if (!Lessons.withinWindow(change.date(), today) && !Lessons.withinWindow(planned, today)) {
            return List.of();
        }
        String sentence = sentence(change, planned, today);
        String link = "/emploi-du-temps?semaine=" + change.date();
        var occurredAt = change.date().atTime(change.startsAt()).atZone(zone).toInstant();

        List<Notice> notices = new ArrayList<>();
        Set<UUID> concerned = Lessons.pupilsOf(pupils, change.classIds(), change.groupIds(), planned);
        pupils.readAhead(concerned);
        for (UUID pupil : concerned) {
            String firstName = pupils.firstName(pupil);
            notices.add(new Notice(pupil, school, pupil, firstName, "Emploi du temps", sentence, link, occurredAt, null));
            notices.addAll(pupils.toGuardians(pupil, new Notice(null, school, pupil, firstName,
                    "Emploi du temps de " + firstName, sentence, link, occurredAt, null)));
        }
        Set<UUID> teachers = new LinkedHashSet<>();
        if (change.teacherIds() != null) {
            teachers.addAll(change.teacherIds());
        }
        if (change.previousTeacherIds() != null) {
            teachers.addAll(change.previousTeacherIds());
        }
        for (UUID teacher : teachers) {
            notices.add(new Notice(teacher, school, null, null, "Emploi du temps", sentence, link, occurredAt, null));
        }
        return notices;
    }

    /** « Cours de mathématiques de demain 10h annulé », « … du jeudi 10 décembre 10h déplacé au vendredi 11 décembre 14h ». */
    static String sentence(LessonChanged c, LocalDate planned, LocalDate today) {
        String lesson = "Cours " + Lessons.de(Lessons.subject(c.subject()));
        var plannedAt = c.plannedStartsAt() == null ? c.startsAt() : c.plannedStartsAt();
        String was = lesson + " " + Lessons.ofDay(planned, today) + " " + Lessons.time(plannedAt);
        return switch (c.kind()) {
            case CANCELLED -> was + " annulé.";
            case MOVED -> was + " déplacé " + (c.date().equals(planned) ? "à " + Lessons.time(c.startsAt())
                    : (c.date().equals(today) ? "à aujourd'hui " : c.date().equals(today.plusDays(1)) ? "à demain "
                    : "au " + Lessons.dayName(c.date()) + " ") + Lessons.time(c.startsAt())) + ".";
            case ROOM_CHANGED -> was + (c.roomName() == null ? " : changement de salle." : " : en salle " + c.roomName() + ".");
            case SUBSTITUTE -> was + " assuré par un remplaçant.";
            case RESTORED -> was + " rétabli : il a bien lieu.";
            case ADDED -> lesson + " ajouté " + Lessons.onDay(c.date(), today) + " à " + Lessons.time(c.startsAt()) + ".";
        };
    }
}
