package fr.ent.notification.messaging;

import fr.ent.directory.Directory;
import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.messaging.MessageReceived;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A message reached someone's inbox: they are told who wrote (« Nouveau message de Claire Martin »), nothing of what. */
@ApplicationScoped
public class MessageReceivedNotifier implements Notifier {

    private final Directory directory;

    MessageReceivedNotifier(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String eventType() {
        return MessageReceived.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return MessagingTexts.MESSAGE;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        MessageReceived m = event.data(MessageReceived.class);
        UUID recipient = MessagingTexts.required(m.recipientId(), "recipientId");
        UUID message = MessagingTexts.required(m.messageId(), "messageId");
        String sender = MessagingTexts.nameOf(directory, MessagingTexts.required(m.senderId(), "senderId"));
        return List.of(new Notice(recipient, m.schoolId(), null, null, MessagingTexts.newMessage(sender),
                MessagingTexts.newMessage(sender) + " : lisez-le dans votre messagerie de l'ENT.",
                MessagingTexts.linkTo(message), m.sentAt() == null ? event.time().toInstant() : m.sentAt().toInstant(), null));
    }
}
