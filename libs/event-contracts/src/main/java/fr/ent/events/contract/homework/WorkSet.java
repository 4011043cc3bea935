package fr.ent.events.contract.homework;

import fr.ent.events.EventContract;
import fr.ent.events.contract.Topics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A teacher set work to do. Pupils see it from {@code visibleFrom} (a notifier waits until then).
 *
 * @param kind     EXERCISE, READING, TEST_REVISION or HAND_IN
 * @param pupilIds the pupils it is for (the class or group on the day it was set, or those chosen)
 */
@EventContract(type = WorkSet.TYPE, topic = Topics.HOMEWORK)
public record WorkSet(UUID workId, UUID schoolId, UUID classGroupId, String subject, UUID teacherId, String kind,
                      LocalDate dueOn, OffsetDateTime dueAt, List<UUID> pupilIds, OffsetDateTime visibleFrom) {

    public static final String TYPE = "fr.ent.homework.work-set.v1";
}
