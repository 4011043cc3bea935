package fr.ent.homework.log;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An entry of the cahier de textes: what was done in a lesson of a class or group in a subject, on
 * a day. A draft (teachers prepare ahead) is seen by its author only; a published entry by the
 * school side of the class, its pupils and their guardians.
 */
@Entity
@Table(name = "log_entry")
public class LogEntry {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "class_group_id")
    public UUID classGroupId;

    public String subject;

    @Column(name = "teacher_id")
    public UUID teacherId;

    /** timetable-service's occurrence (libs/lessons), null without a timetable. */
    @Column(name = "occurrence_id")
    public String occurrenceId;

    @Column(name = "lesson_on")
    public LocalDate lessonOn;

    public String title;

    public String content;

    public boolean published;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
