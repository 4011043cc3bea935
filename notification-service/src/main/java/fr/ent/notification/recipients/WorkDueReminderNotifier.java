package fr.ent.notification.recipients;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.homework.WorkDueReminder;
import fr.ent.notification.notice.NotificationType;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The day before work is due: each pupil of the event (those who have not ticked it done), in-app. */
@ApplicationScoped
public class WorkDueReminderNotifier implements Notifier {

    private final Pupils pupils;
    private final Clock clock;

    WorkDueReminderNotifier(Pupils pupils, Clock clock) {
        this.pupils = pupils;
        this.clock = clock;
    }

    @Override
    public String eventType() {
        return WorkDueReminder.TYPE;
    }

    @Override
    public NotificationType notificationType() {
        return Types.HOMEWORK_REMINDER;
    }

    @Override
    public List<Notice> notices(IncomingEvent event) {
        WorkDueReminder reminder = event.data(WorkDueReminder.class);
        if (reminder.workId() == null || reminder.pupilIds() == null || reminder.dueOn() == null) {
            throw new PoisonEventException("work-due-reminder without its work, pupils or due day");
        }
        UUID school = Pupils.schoolOf(reminder.schoolId(), event);
        String subject = Marks.subject(reminder.subject());
        LocalDate today = LocalDate.ofInstant(clock.instant(), pupils.zoneOf(school));
        String body = "À faire : " + Homework.dueSentence(reminder.kind(), subject, reminder.dueOn(), today)
                .replaceFirst("^U", "u");
        pupils.readAhead(reminder.pupilIds());
        return reminder.pupilIds().stream().map(pupil -> new Notice(pupil, school, pupil, pupils.firstName(pupil),
                "Rappel : travail " + Lessons.de(subject) + " pour " + Lessons.onDay(reminder.dueOn(), today), body,
                Homework.link(reminder.workId()), clock.instant(), null)).toList();
    }
}
