package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.homework.HandInReceived;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A pupil handed in: the teacher who set the work, in-app. « Léa Dubois a rendu son travail de mathématiques (en retard). » */
@ApplicationScoped
public class HandInReceivedNotifier implements Notifier {

    private final Pupils pupils;

    HandInReceivedNotifier(Pupils pupils) {
        this.pupils = pupils;
    }

    @Override
    public String eventType() {
        return HandInReceived.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.HAND_IN;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        HandInReceived received = event.data(HandInReceived.class);
        if (received.workId() == null || received.pupilId() == null || received.teacherId() == null || received.handedInAt() == null) {
            throw new PoisonEventException("hand-in-received without its work, pupil, teacher or time");
        }
        UUID school = Pupils.schoolOf(received.schoolId(), event);
        String subject = Marks.subject(received.subject());
        String who = pupils.person(received.pupilId()).map(Lessons::name).orElse("Un élève");
        return List.of(new Notice(received.teacherId(), school, received.pupilId(), pupils.firstName(received.pupilId()),
                "Travail rendu " + Lessons.de(subject),
                who + " a rendu son travail " + Lessons.de(subject) + (received.late() ? " (en retard)." : "."),
                Homework.link(received.workId()), received.handedInAt().toInstant(), null));
    }
}
