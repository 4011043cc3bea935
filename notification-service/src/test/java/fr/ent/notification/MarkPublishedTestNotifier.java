package fr.ent.notification;

import fr.ent.events.IncomingEvent;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import fr.ent.notification.recipients.Pupils;
import fr.ent.notification.recipients.Types;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How grades will plug in (their contract does not exist yet): the pupil first, the guardians two
 * hours later. A test-only notifier for a test-only event type; nothing else changes.
 */
@ApplicationScoped
public class MarkPublishedTestNotifier implements Notifier {

    public static final String TYPE = "fr.ent.test.mark-published.v1";

    private final Pupils pupils;

    MarkPublishedTestNotifier(Pupils pupils) {
        this.pupils = pupils;
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.GRADE;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        UUID pupil = UUID.fromString(event.data().get("pupilId").asText());
        String firstName = pupils.firstName(pupil);
        Notice toPupil = new Notice(pupil, event.schoolId(), pupil, firstName, "Nouvelle note",
                "Une note de " + event.data().get("subject").asText() + " a été publiée.", "/notes", event.time().toInstant(), null);
        List<Notice> notices = new ArrayList<>(List.of(toPupil));
        for (UUID guardian : pupils.guardiansReceivingCommunications(pupil)) {
            notices.add(new Notice(guardian, event.schoolId(), pupil, firstName, "Nouvelle note de " + firstName,
                    "Une note de " + event.data().get("subject").asText() + " a été publiée pour " + firstName + ".", "/notes",
                    event.time().toInstant(), Duration.ofHours(2)));
        }
        return notices;
    }
}
