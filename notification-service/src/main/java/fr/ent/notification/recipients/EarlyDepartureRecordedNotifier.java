package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.attendance.EarlyDepartureRecorded;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/** A pupil who left school early: the guardians who receive school communications are told at once. */
@ApplicationScoped
public class EarlyDepartureRecordedNotifier implements Notifier {

    private final Pupils pupils;

    EarlyDepartureRecordedNotifier(Pupils pupils) {
        this.pupils = pupils;
    }

    @Override
    public String eventType() {
        return EarlyDepartureRecorded.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.EARLY_DEPARTURE;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        EarlyDepartureRecorded departure = event.data(EarlyDepartureRecorded.class);
        UUID pupil = Pupils.required(departure.pupilId(), "pupilId");
        if (departure.leftAt() == null) {
            throw new PoisonEventException("early-departure-recorded without leftAt");
        }
        UUID school = Pupils.schoolOf(departure.schoolId(), event);
        String firstName = pupils.firstName(pupil);
        ZonedDateTime at = departure.leftAt().atZoneSameInstant(pupils.zoneOf(school));
        Notice notice = new Notice(null, school, pupil, firstName, "Départ anticipé de " + firstName,
                firstName + " a quitté l'établissement le " + FrenchTexts.day(at.toLocalDate()) + " à " + FrenchTexts.time(at) + ".",
                "/vie-scolaire/departs/" + departure.departureId(), departure.leftAt().toInstant(), null);
        return pupils.toGuardians(pupil, notice);
    }
}
