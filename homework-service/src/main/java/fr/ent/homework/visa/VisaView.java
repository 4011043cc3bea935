package fr.ent.homework.visa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record VisaView(UUID id, UUID schoolId, UUID classGroupId, UUID teacherId, LocalDate stampedOn, String comment,
                       UUID stampedBy, Instant stampedAt) {
}
