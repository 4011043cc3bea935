package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.attendance.AbsenceThresholdReached;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The monthly threshold of unjustified half-days: the guardians and the school's staff (vie scolaire). */
@ApplicationScoped
public class ThresholdReachedNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    ThresholdReachedNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return AbsenceThresholdReached.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.ABSENCE_THRESHOLD;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        AbsenceThresholdReached reached = event.data(AbsenceThresholdReached.class);
        UUID pupil = Pupils.required(reached.pupilId(), "pupilId");
        UUID school = Pupils.schoolOf(reached.schoolId(), event);
        YearMonth month;
        try {
            month = YearMonth.parse(reached.month());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new PoisonEventException("absence-threshold-reached with a bad month: " + reached.month());
        }
        String firstName = pupils.firstName(pupil);
        String inMonth = "en " + FrenchTexts.month(month);
        Instant at = event.time() != null ? event.time().toInstant() : Instant.now(clock);
        String link = "/vie-scolaire/eleves/" + pupil + "/absences?mois=" + month;

        Notice family = new Notice(null, school, pupil, firstName, "Absences non justifiées de " + firstName,
                firstName + " compte " + reached.unjustifiedHalfDays() + " demi-journées d'absence non justifiées " + inMonth
                        + ". Merci de justifier ces absences ou de prendre contact avec la vie scolaire.", link, at, null);
        List<Notice> notices = new ArrayList<>(pupils.toGuardians(pupil, family));

        if (school != null) {
            String fullName = pupils.person(pupil).map(p -> p.firstName() + " " + p.lastName()).orElse(firstName);
            Notice staff = new Notice(null, school, pupil, firstName, "Seuil d'absences atteint : " + fullName,
                    fullName + " a atteint " + reached.unjustifiedHalfDays() + " demi-journées d'absence non justifiées "
                            + inMonth + ".", link, at, null);
            pupils.directory().staffOf(school).forEach(s -> notices.add(staff.to(s)));
        }
        return notices;
    }

}
