package fr.ent.timetable.room;

import java.util.UUID;

public record RoomView(UUID id, UUID schoolId, String name, int capacity) {
}
