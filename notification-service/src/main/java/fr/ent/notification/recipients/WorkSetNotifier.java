package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.homework.WorkSet;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Work set: each pupil it is for, and their guardians receiving communications (in-app by default,
 * as their preferences say), from the work's publication time, never earlier; one notice per child.
 * « Un travail à rendre de mathématiques pour le jeudi 10 décembre. » — never the title nor the
 * instructions (the event has none).
 */
@ApplicationScoped
public class WorkSetNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    WorkSetNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return WorkSet.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.HOMEWORK;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        WorkSet set = event.data(WorkSet.class);
        if (set.workId() == null || set.pupilIds() == null || set.dueOn() == null || set.visibleFrom() == null) {
            throw new PoisonEventException("work-set without its work, pupils, due day or publication time");
        }
        UUID school = Pupils.schoolOf(set.schoolId(), event);
        String subject = Marks.subject(set.subject());
        LocalDate today = LocalDate.ofInstant(clock.instant().isAfter(set.visibleFrom().toInstant())
                ? clock.instant() : set.visibleFrom().toInstant(), pupils.zoneOf(school));
        String sentence = Homework.dueSentence(set.kind(), subject, set.dueOn(), today);
        pupils.readAhead(set.pupilIds());
        List<Notice> notices = new ArrayList<>();
        for (UUID pupil : set.pupilIds()) {
            notices.addAll(Marks.forPupilAndGuardians(pupils, clock, pupil, school,
                    "Travail à faire en " + subject, sentence, "Travail à faire pour {prénom}",
                    "Pour {prénom} : " + Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1),
                    Homework.link(set.workId()), set.visibleFrom().toInstant(), set.visibleFrom().toInstant(),
                    set.visibleFrom().toInstant()));
        }
        return notices;
    }

    @Override
    public String partOf(Notice notice) {
        return notice.childId().toString();
    }
}
