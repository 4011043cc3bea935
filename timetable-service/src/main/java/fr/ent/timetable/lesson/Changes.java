package fr.ent.timetable.lesson;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The changes of one occurrence, as the rules see them; null fields are unchanged. Moved to a slot,
 * it runs from {@code movedSlot} to {@code movedEndSlot} (null: that slot only).
 */
public record Changes(boolean cancelled, LocalDate movedTo, String movedSlot, String movedEndSlot, UUID roomId,
                      UUID substituteId) {

    public static final Changes NONE = new Changes(false, null, null, null, null, null);

    public Changes cancelled(boolean cancelled) {
        return new Changes(cancelled, movedTo, movedSlot, movedEndSlot, roomId, substituteId);
    }

    public Changes movedTo(LocalDate day, String slot, String endSlot) {
        return new Changes(cancelled, day, slot, endSlot, roomId, substituteId);
    }

    public Changes inRoom(UUID room) {
        return new Changes(cancelled, movedTo, movedSlot, movedEndSlot, room, substituteId);
    }

    public Changes substitute(UUID teacher) {
        return new Changes(cancelled, movedTo, movedSlot, movedEndSlot, roomId, teacher);
    }
}
