package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.grades.MarkChanged;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A published mark changed: the pupil and their guardians are told again, each not before their
 * time; the title names the assessment when the event gives it (« Note modifiée en français : Dictée »).
 */
@ApplicationScoped
public class MarkChangedNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    MarkChangedNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return MarkChanged.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.GRADE;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        MarkChanged changed = event.data(MarkChanged.class);
        UUID pupil = Pupils.required(changed.pupilId(), "pupilId");
        if (changed.pupilsVisibleAt() == null || changed.guardiansVisibleAt() == null || changed.assessmentId() == null) {
            throw new PoisonEventException("mark-changed without its assessment or times");
        }
        String subject = Marks.subject(changed.subject());
        return Marks.forPupilAndGuardians(pupils, clock, pupil, Pupils.schoolOf(changed.schoolId(), event),
                Marks.withName("Note modifiée en " + subject, changed.title()),
                "Une note " + Lessons.de(subject) + " a été modifiée.",
                Marks.withName("Note modifiée pour {prénom}", changed.title()),
                "Une note " + Lessons.de(subject) + " de {prénom} a été modifiée.",
                "/notes/evaluations/" + changed.assessmentId(), changed.changedAt().toInstant(),
                changed.pupilsVisibleAt().toInstant(), changed.guardiansVisibleAt().toInstant());
    }
}
