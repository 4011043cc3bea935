package fr.ent.attendance.absence;

import java.util.List;
import java.util.UUID;

/** What a collective absence did: the absences created, and the pupils already absent then (left as they were). */
public record CollectiveAbsence(UUID collectiveId, UUID groupId, List<EntryView> absences, List<UUID> alreadyAbsent) {
}
