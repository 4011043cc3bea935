package fr.ent.timetable.lesson;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What changed in one occurrence of a lesson, all changes merged: cancelled, moved to another day
 * or slot(s), another room, a substitute teacher. A change of the series from a date is one row per
 * occurrence, so each keeps its stable id and shows what changed.
 */
@Entity
@Table(name = "occurrence_change")
public class OccurrenceChange {

    @Id
    public UUID id;

    @Column(name = "lesson_id")
    public UUID lessonId;

    @Column(name = "planned_date")
    public LocalDate plannedDate;

    public boolean cancelled;

    @Column(name = "moved_to")
    public LocalDate movedTo;

    @Column(name = "moved_slot")
    public String movedSlot;

    /** The last slot it was moved to, when it spans several (null: {@code movedSlot} only). */
    @Column(name = "moved_end_slot")
    public String movedEndSlot;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "substitute_id")
    public UUID substituteId;

    @Column(name = "changed_by")
    public UUID changedBy;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    public Changes changes() {
        return new Changes(cancelled, movedTo, movedSlot, movedEndSlot, roomId, substituteId);
    }
}
