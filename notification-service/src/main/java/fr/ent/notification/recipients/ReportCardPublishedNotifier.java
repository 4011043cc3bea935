package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.grades.ReportCardPublished;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A pupil's report card (bulletin) was published: the pupil and their guardians are told it is
 * there to download. The event carries ids only, so the text names neither the period nor anything
 * of its content.
 */
@ApplicationScoped
public class ReportCardPublishedNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    ReportCardPublishedNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return ReportCardPublished.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.GRADE;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        ReportCardPublished published = event.data(ReportCardPublished.class);
        UUID pupil = Pupils.required(published.pupilId(), "pupilId");
        UUID period = Pupils.required(published.periodId(), "periodId");
        if (published.publishedAt() == null) {
            throw new PoisonEventException("report-card-published without its time");
        }
        return Marks.forPupilAndGuardians(pupils, clock, pupil, Pupils.schoolOf(published.schoolId(), event),
                "Bulletin disponible", "Un nouveau bulletin est disponible dans l'ENT.",
                "Bulletin de {prénom} disponible", "Le bulletin de {prénom} est disponible : téléchargez-le dans l'ENT.",
                "/notes/bulletins/" + period, published.publishedAt().toInstant(), published.publishedAt().toInstant(),
                published.publishedAt().toInstant());
    }
}
