package fr.ent.homework.work;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Work to do (travail à faire), set by a teacher of the subject for a class or group (or chosen
 * pupils of it), on a lesson of the cahier de textes or a day, due on a day at a time; pupils see it
 * from {@code visibleFrom}. A HAND_IN work takes pupils' files until the teacher closes hand-ins.
 */
@Entity
@Table(name = "work")
public class Work {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "class_group_id")
    public UUID classGroupId;

    public String subject;

    @Column(name = "teacher_id")
    public UUID teacherId;

    @Column(name = "log_entry_id")
    public UUID logEntryId;

    /** The timetable occurrence it was set in (libs/lessons), if any. */
    @Column(name = "occurrence_id")
    public String occurrenceId;

    /** The timetable occurrence it is due for ("for the next lesson"), if any. */
    @Column(name = "due_occurrence_id")
    public String dueOccurrenceId;

    @Column(name = "set_on")
    public LocalDate setOn;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    public WorkKind kind;

    public String title;

    public String instructions;

    @Column(name = "estimated_minutes")
    public int estimatedMinutes;

    @Column(name = "visible_from")
    public Instant visibleFrom;

    @Column(name = "set_at")
    public Instant setAt;

    @Column(name = "outside_school_hours")
    public boolean outsideSchoolHours;

    @Column(name = "hand_ins_closed_at")
    public Instant handInsClosedAt;

    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;

    public boolean visibleAt(Instant now) {
        return !now.isBefore(visibleFrom);
    }

    public boolean handInsClosed() {
        return handInsClosedAt != null;
    }
}
