package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.timetable.TeacherAbsenceConfirmed;
import fr.ent.events.contract.timetable.TeacherAbsenceConfirmed.Occurrence;
import fr.ent.events.contract.timetable.TeacherAbsenceConfirmed.Outcome;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A teacher's absence confirmed: each pupil concerned, and each of their guardians, get one notice
 * per child and per day of the next 7 days, summing that day's lessons up (« Absence d'Anne Martin
 * le lundi 7 décembre : mathématiques 10h et 14h annulées »), not one per lesson. The teacher is
 * named as the directory knows them (« de l'enseignant » otherwise). The other teachers of the
 * class are not told. No reason: the event has none.
 */
@ApplicationScoped
public class TeacherAbsenceConfirmedNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    TeacherAbsenceConfirmedNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return TeacherAbsenceConfirmed.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.TEACHER_ABSENCE;
    }

    /** One part per child and day: {@code <childId>/<date>}, the day read from when its first lesson starts. */
    @Override
    public String partOf(Notice notice) {
        return notice.childId() + "/" + notice.occurredAt().atZone(pupils.zoneOf(notice.schoolId())).toLocalDate();
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        TeacherAbsenceConfirmed absence = event.data(TeacherAbsenceConfirmed.class);
        UUID school = Pupils.schoolOf(absence.schoolId(), event);
        ZoneId zone = pupils.zoneOf(school);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        // day → pupil → that day's lessons of the pupil
        Map<LocalDate, Map<UUID, List<Occurrence>>> byDay = new TreeMap<>();
        for (Occurrence o : absence.occurrences() == null ? List.<Occurrence>of() : absence.occurrences()) {
            if (!Lessons.withinWindow(o.date(), today)) {
                continue;
            }
            for (UUID pupil : Lessons.pupilsOf(pupils, o.classIds(), o.groupIds(), o.date())) {
                byDay.computeIfAbsent(o.date(), d -> new LinkedHashMap<>())
                        .computeIfAbsent(pupil, p -> new ArrayList<>()).add(o);
            }
        }
        if (byDay.isEmpty()) {
            return List.of();
        }
        String teacher = pupils.directory().person(absence.teacherId()).map(Lessons::name)
                .map(Lessons::de).orElse("de l'enseignant");
        pupils.readAhead(byDay.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList());
        List<Notice> notices = new ArrayList<>();
        byDay.forEach((day, ofPupils) -> ofPupils.forEach((pupil, lessons) -> {
            lessons.sort(Comparator.comparing(Occurrence::startsAt));
            String sentence = "Absence " + teacher + " " + Lessons.onDay(day, today) + " : " + summary(lessons) + ".";
            String firstName = pupils.firstName(pupil);
            var occurredAt = day.atTime(lessons.get(0).startsAt()).atZone(zone).toInstant();
            String link = "/emploi-du-temps?semaine=" + day;
            notices.add(new Notice(pupil, school, pupil, firstName, "Absence d'un enseignant", sentence, link, occurredAt, null));
            notices.addAll(pupils.toGuardians(pupil, new Notice(null, school, pupil, firstName,
                    "Emploi du temps de " + firstName, sentence, link, occurredAt, null)));
        }));
        return notices;
    }

    /** « mathématiques 10h et 14h annulées, latin 15h assuré par un remplaçant » (lessons in time order). */
    static String summary(List<Occurrence> lessons) {
        Map<String, List<Occurrence>> groups = lessons.stream().collect(Collectors.groupingBy(
                o -> Lessons.subject(o.subject()) + "|" + o.outcome(), LinkedHashMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        groups.forEach((key, same) -> {
            boolean several = same.size() > 1;
            List<String> times = same.stream().map(o -> Lessons.time(o.startsAt())).toList();
            String when = several ? String.join(", ", times.subList(0, times.size() - 1)) + " et " + times.get(times.size() - 1)
                    : times.get(0);
            String what = same.get(0).outcome() == Outcome.SUBSTITUTE
                    ? (several ? "assurées par un remplaçant" : "assurée par un remplaçant")
                    : (several ? "annulées" : "annulée");
            parts.add(Lessons.subject(same.get(0).subject()) + " " + when + " " + what);
        });
        return String.join(", ", parts);
    }
}
