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
 * there to download. The text names the period when the event gives its name (« Bulletin du 1er
 * trimestre disponible »; a name that does not read after « du », like « Année », after a colon);
 * an older event without it gives « Bulletin disponible ». Nothing of the content, ever.
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
        String ofPeriod = Marks.ofPeriod(published.periodName());
        String pupilTitle;
        String guardianTitle;
        String body;
        String guardianBody;
        if (ofPeriod != null) {
            pupilTitle = "Bulletin " + ofPeriod + " disponible";
            body = "Le bulletin " + ofPeriod + " est disponible dans l'ENT.";
            guardianTitle = "Bulletin " + ofPeriod + " de {prénom} disponible";
            guardianBody = "Le bulletin " + ofPeriod + " de {prénom} est disponible : téléchargez-le dans l'ENT.";
        } else {
            pupilTitle = Marks.withName("Bulletin disponible", published.periodName());
            body = "Un nouveau bulletin est disponible dans l'ENT.";
            guardianTitle = Marks.withName("Bulletin de {prénom} disponible", published.periodName());
            guardianBody = "Le bulletin de {prénom} est disponible : téléchargez-le dans l'ENT.";
        }
        return Marks.forPupilAndGuardians(pupils, clock, pupil, Pupils.schoolOf(published.schoolId(), event),
                pupilTitle, body, guardianTitle, guardianBody,
                "/notes/bulletins/" + period, published.publishedAt().toInstant(), published.publishedAt().toInstant(),
                published.publishedAt().toInstant());
    }
}
