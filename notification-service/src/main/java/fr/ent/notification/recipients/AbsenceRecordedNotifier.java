package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.notification.NotificationConfig;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * An absence goes to the guardians who receive school communications, and to the pupil when
 * their class level is configured for it ({@code ent.notification.absence.pupil-levels}: older
 * pupils usually manage their own absences).
 */
@ApplicationScoped
public class AbsenceRecordedNotifier implements Notifier {

    private final Pupils pupils;
    private final Set<String> pupilLevels;

    AbsenceRecordedNotifier(Pupils pupils, NotificationConfig config) {
        this.pupils = pupils;
        this.pupilLevels = config.absence().pupilLevels().orElse(Set.of());
    }

    @Override
    public String eventType() {
        return AbsenceRecorded.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.ABSENCE;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        AbsenceRecorded absence = event.data(AbsenceRecorded.class);
        UUID pupil = Pupils.required(absence.pupilId(), "pupilId");
        UUID school = Pupils.schoolOf(absence.schoolId(), event);
        if (absence.start() == null) {
            throw new fr.ent.events.PoisonEventException("absence-recorded without start");
        }
        ZoneId zone = pupils.zoneOf(school);
        String firstName = pupils.firstName(pupil);
        String when = FrenchTexts.period(absence.start().atZoneSameInstant(zone),
                absence.end() == null ? null : absence.end().atZoneSameInstant(zone));
        String body = "Absence de " + firstName + " enregistrée " + when + "."
                + (absence.justified() ? " Cette absence est déjà justifiée." : " Vous pouvez la justifier depuis l'ENT.");
        Notice notice = new Notice(null, school, pupil, firstName, "Absence de " + firstName, body,
                "/vie-scolaire/absences/" + absence.absenceId(), absence.start().toInstant(), null);

        List<Notice> notices = new ArrayList<>(pupils.toGuardians(pupil, notice));
        if (!pupilLevels.isEmpty()) {
            UUID classId = absence.classId() != null ? absence.classId()
                    : pupils.directory().classOf(pupil, absence.start().atZoneSameInstant(zone).toLocalDate()).orElse(null);
            if (pupils.levelOf(classId).filter(pupilLevels::contains).isPresent()) {
                notices.add(new Notice(pupil, school, pupil, firstName, "Absence enregistrée",
                        "Une absence a été enregistrée " + when + ".", notice.link(), notice.occurredAt(), null));
            }
        }
        return notices;
    }
}
