package fr.ent.timetable.lesson;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A lesson as planned (a séance): what, who, for whom, where, when and how it repeats. */
@Entity
@Table(name = "lesson")
public class Lesson {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    /** The school year it belongs to ("2026-2027"): its calendar decides which days have lessons. */
    public String year;

    public String subject;

    /** The time slot's code in the school's day (M1...): the first, when it lasts several. */
    public String slot;

    /** The last slot of a lesson over several slots (a double lesson M1–M2: M2); null: one slot. */
    @Column(name = "end_slot")
    public String endSlot;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week")
    public DayOfWeek dayOfWeek;

    @Enumerated(EnumType.STRING)
    public Recurrence recurrence;

    @Column(name = "starts_on")
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    @Column(name = "room_id")
    public UUID roomId;

    /** Added by staff as a change (shown as "added"), not part of the plan. */
    public boolean exceptional;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lesson_teacher", joinColumns = @JoinColumn(name = "lesson_id"))
    @Column(name = "teacher_id")
    @BatchSize(size = 100)
    public Set<UUID> teacherIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lesson_class", joinColumns = @JoinColumn(name = "lesson_id"))
    @Column(name = "class_id")
    @BatchSize(size = 100)
    public Set<UUID> classIds = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lesson_group", joinColumns = @JoinColumn(name = "lesson_id"))
    @Column(name = "group_id")
    @BatchSize(size = 100)
    public Set<UUID> groupIds = new HashSet<>();

    /** Set on a lesson created by an import: the hash of its normalised line (see importing/ImportKey). */
    @Column(name = "import_key")
    public String importKey;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    /** The plan as the rules see it. */
    public Plan plan() {
        return new Plan(recurrence, dayOfWeek, startsOn, endsOn);
    }

    public LessonView view() {
        return new LessonView(id, schoolId, year, subject, slot, endSlot, dayOfWeek, recurrence, startsOn, endsOn, roomId,
                exceptional, Ids.sorted(teacherIds), Ids.sorted(classIds), Ids.sorted(groupIds));
    }
}
