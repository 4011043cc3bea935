package fr.ent.notification.messaging;

import fr.ent.directory.Directory;
import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.messaging.ReportMade;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A message was reported: the school's staff are told there is a report to look at (not what it says). */
@ApplicationScoped
public class ReportMadeNotifier implements Notifier {

    private final Directory directory;

    ReportMadeNotifier(Directory directory) {
        this.directory = directory;
    }

    @Override
    public String eventType() {
        return ReportMade.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return MessagingTexts.REPORT;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        ReportMade r = event.data(ReportMade.class);
        UUID school = MessagingTexts.required(r.schoolId(), "schoolId");
        MessagingTexts.required(r.reportId(), "reportId");
        String who = "PUPIL".equals(r.reporterProfile()) ? "un élève" : "une famille";
        return directory.staffOf(school).stream().map(staff -> new Notice(staff, school, null, null, "Message signalé",
                "Un message a été signalé par " + who + " : examinez-le dans les signalements de la messagerie.",
                "/messagerie/signalements", r.reportedAt() == null ? event.time().toInstant() : r.reportedAt().toInstant(), null)).toList();
    }
}
