package fr.ent.notification.messaging;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.messaging.MessageRecalled;
import fr.ent.notification.notice.NotificationsRetracted;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recalled message takes its notice back: the recipient's inbox entry about it goes (its live
 * streams are told, {@link NotificationsRetracted}), and its e-mail, if not sent yet (held by quiet
 * hours, waiting for the digest or a retry), is never sent. An e-mail already sent stays sent: it
 * never carried the message, only « Nouveau message de … », and the message is gone from the mailbox.
 * The event is keyed by recipient like the message's own, so it always comes after it.
 */
@ApplicationScoped
public class MessageRecalls {

    private final Jdbc jdbc;
    private final Event<NotificationsRetracted> retracted;

    MessageRecalls(Jdbc jdbc, Event<NotificationsRetracted> retracted) {
        this.jdbc = jdbc;
        this.retracted = retracted;
    }

    public static boolean isRecall(IncomingEvent event) {
        return MessageRecalled.TYPE.equals(event.type());
    }

    /** Takes back the notices of these recalls, in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retract(List<IncomingEvent> recalls) {
        Map<UUID, List<UUID>> removed = new HashMap<>();
        for (IncomingEvent event : recalls) {
            MessageRecalled r = event.data(MessageRecalled.class);
            UUID recipient = MessagingTexts.required(r.recipientId(), "recipientId");
            String link = MessagingTexts.linkTo(MessagingTexts.required(r.messageId(), "messageId"));
            String type = MessagingTexts.MESSAGE.key();
            List<UUID> ids = jdbc.query("delete from notification where recipient_id = ? and type = ? and link = ? returning id",
                    rs -> rs.getObject(1, UUID.class), recipient, type, link);
            jdbc.update("delete from delivery where recipient_id = ? and type = ? and link = ? and status in ('PENDING', 'DIGEST')",
                    recipient, type, link);
            if (!ids.isEmpty()) {
                removed.computeIfAbsent(recipient, k -> new ArrayList<>()).addAll(ids);
            }
        }
        if (!removed.isEmpty()) {
            retracted.fire(new NotificationsRetracted(removed));
        }
    }
}
