package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.attendance.AbsenceCancelled;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** An absence recorded by mistake and cancelled: nobody is disturbed about it again. */
@ApplicationScoped
public class AbsenceCancelledNotifier implements Notifier {

    @Override
    public String eventType() {
        return AbsenceCancelled.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.ABSENCE;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        event.data(AbsenceCancelled.class);
        return List.of();
    }
}
