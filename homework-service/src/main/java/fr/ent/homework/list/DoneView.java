package fr.ent.homework.list;

import java.util.UUID;

public record DoneView(UUID workId, UUID pupilId, boolean done) {
}
