package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.attendance.AbsenceJustified;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The vie scolaire's decision on a justification goes to the guardians. */
@ApplicationScoped
public class AbsenceJustifiedNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    AbsenceJustifiedNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return AbsenceJustified.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.JUSTIFICATION;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        AbsenceJustified decision = event.data(AbsenceJustified.class);
        UUID pupil = Pupils.required(decision.pupilId(), "pupilId");
        UUID school = Pupils.schoolOf(decision.schoolId(), event);
        String firstName = pupils.firstName(pupil);
        String title = decision.accepted() ? "Justificatif accepté" : "Justificatif refusé";
        String body = decision.accepted()
                ? "Le justificatif de l'absence de " + firstName + " a été accepté par la vie scolaire."
                : "Le justificatif de l'absence de " + firstName + " a été refusé par la vie scolaire. Vous pouvez la contacter depuis l'ENT.";
        Notice notice = new Notice(null, school, pupil, firstName, title + " pour " + firstName, body,
                "/vie-scolaire/absences/" + decision.absenceId(), event.time() != null ? event.time().toInstant() : Instant.now(clock), null);
        return pupils.toGuardians(pupil, notice);
    }
}
