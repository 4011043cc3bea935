package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.homework.FeedbackReturned;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A teacher returned feedback on a hand-in: the pupil, in-app. */
@ApplicationScoped
public class FeedbackReturnedNotifier implements Notifier {

    private final Pupils pupils;

    FeedbackReturnedNotifier(Pupils pupils) {
        this.pupils = pupils;
    }

    @Override
    public String eventType() {
        return FeedbackReturned.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.HOMEWORK_FEEDBACK;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        FeedbackReturned returned = event.data(FeedbackReturned.class);
        if (returned.workId() == null || returned.pupilId() == null || returned.returnedAt() == null) {
            throw new PoisonEventException("feedback-returned without its work, pupil or time");
        }
        UUID school = Pupils.schoolOf(returned.schoolId(), event);
        String subject = Marks.subject(returned.subject());
        return List.of(new Notice(returned.pupilId(), school, returned.pupilId(), pupils.firstName(returned.pupilId()),
                "Correction " + Lessons.de(subject),
                "Ton travail " + Lessons.de(subject) + " rendu a été corrigé : la correction est dans l'ENT.",
                Homework.link(returned.workId()), returned.returnedAt().toInstant(), null));
    }
}
