package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.grades.MarksPublished;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Marks published: each pupil with a result is told at the pupils' time, their guardians at the
 * guardians' time (grades-service's delay), never earlier; one notice per child. The title names
 * the assessment when the event gives its title (« Nouvelle note en mathématiques : Contrôle
 * chapitre 3 »); an older event without it gives « Nouvelle note en mathématiques ».
 */
@ApplicationScoped
public class MarksPublishedNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    MarksPublishedNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return MarksPublished.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.GRADE;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        MarksPublished published = event.data(MarksPublished.class);
        if (published.assessmentId() == null || published.pupilIds() == null || published.pupilsVisibleAt() == null
                || published.guardiansVisibleAt() == null) {
            throw new PoisonEventException("marks-published without its assessment, pupils or times");
        }
        UUID school = Pupils.schoolOf(published.schoolId(), event);
        String subject = Marks.subject(published.subject());
        pupils.readAhead(published.pupilIds());
        List<Notice> notices = new ArrayList<>();
        for (UUID pupil : published.pupilIds()) {
            notices.addAll(Marks.forPupilAndGuardians(pupils, clock, pupil, school,
                    Marks.withName("Nouvelle note en " + subject, published.title()),
                    "Une note " + Lessons.de(subject) + " a été publiée.",
                    Marks.withName("Nouvelle note de {prénom}", published.title()),
                    "Une note " + Lessons.de(subject) + " de {prénom} a été publiée.",
                    "/notes/evaluations/" + published.assessmentId(), published.publishedAt().toInstant(),
                    published.pupilsVisibleAt().toInstant(), published.guardiansVisibleAt().toInstant()));
        }
        return notices;
    }

    /** One notice per child of the event (two children in one class: two notices). */
    @Override
    public String partOf(Notice notice) {
        return notice.childId().toString();
    }
}
