package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.attendance.LatenessRecorded;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A lateness goes to the guardians who receive school communications. */
@ApplicationScoped
public class LatenessRecordedNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    LatenessRecordedNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return LatenessRecorded.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.LATENESS;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        LatenessRecorded late = event.data(LatenessRecorded.class);
        UUID pupil = Pupils.required(late.pupilId(), "pupilId");
        UUID school = Pupils.schoolOf(late.schoolId(), event);
        String firstName = pupils.firstName(pupil);
        LocalDate date = late.date() != null ? late.date() : LocalDate.now(clock.withZone(pupils.zoneOf(school)));
        String body = "Retard de " + firstName + " le " + FrenchTexts.day(date)
                + (late.minutes() > 0 ? " (" + late.minutes() + " min)." : ".");
        Notice notice = new Notice(null, school, pupil, firstName, "Retard de " + firstName, body,
                "/vie-scolaire/retards/" + late.latenessId(),
                event.time() != null ? event.time().toInstant() : date.atStartOfDay(pupils.zoneOf(school)).toInstant(), null);
        return pupils.toGuardians(pupil, notice);
    }
}
