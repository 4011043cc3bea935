package fr.ent.events.contract.homework;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Work is due tomorrow: sent once per work, the day before, naming the pupils who have not marked
 * it done yet.
 */
@EventContract(type = WorkDueReminder.TYPE, topic = Topics.HOMEWORK)
public record WorkDueReminder(UUID workId, UUID schoolId, UUID classGroupId, String subject, String kind,
                              LocalDate dueOn, List<UUID> pupilIds) {

    public static final String TYPE = "fr.ent.homework.work-due-reminder.v1";
}
