package fr.ent.notification.messaging;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.messaging.BroadcastToAcknowledge;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** The school sent an information to acknowledge (or reminds a family that has not). */
@ApplicationScoped
public class BroadcastToAcknowledgeNotifier implements Notifier {

    @Override
    public String eventType() {
        return BroadcastToAcknowledge.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return MessagingTexts.BROADCAST;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        BroadcastToAcknowledge b = event.data(BroadcastToAcknowledge.class);
        UUID guardian = MessagingTexts.required(b.guardianId(), "guardianId");
        UUID broadcast = MessagingTexts.required(b.broadcastId(), "broadcastId");
        String title = b.reminder() ? "Rappel : information à confirmer" : "Information de l'établissement à confirmer";
        String body = b.reminder()
                ? "Vous n'avez pas encore confirmé la lecture d'une information de l'établissement : merci de la lire dans l'ENT."
                : "L'établissement vous a adressé une information : merci de la lire et d'en confirmer la lecture dans l'ENT.";
        return List.of(new Notice(guardian, b.schoolId(), null, null, title, body, "/messagerie/messages/" + broadcast,
                b.sentAt() == null ? event.time().toInstant() : b.sentAt().toInstant(), null));
    }
}
