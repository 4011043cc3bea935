package fr.ent.timetable.lesson;

import java.time.LocalDate;
import java.util.UUID;

/** The changes of one occurrence, as the rules see them; null fields are unchanged. */
public record Changes(boolean cancelled, LocalDate movedTo, String movedSlot, UUID roomId, UUID substituteId) {

    public static final Changes NONE = new Changes(false, null, null, null, null);
}
