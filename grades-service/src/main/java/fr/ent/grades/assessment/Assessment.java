package fr.ent.grades.assessment;

import fr.ent.grades.support.Access;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * An assessment (devoir) of a class or group in a subject, set by a teacher of that subject there.
 * Its marks reach families once published: pupils from {@code pupilsVisibleAt}, guardians from
 * {@code guardiansVisibleAt}; before that they do not exist for them.
 */
@Entity
@Table(name = "assessment")
public class Assessment {

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "class_group_id")
    public UUID classGroupId;

    public String subject;

    @Column(name = "teacher_id")
    public UUID teacherId;

    @Column(name = "period_id")
    public UUID periodId;

    public String title;

    @Column(name = "held_on")
    public LocalDate heldOn;

    public BigDecimal coefficient;

    public int scale;

    public boolean optional;

    /** Socle commun items rated, comma-separated codes (D1.1,D4). */
    @Column(name = "skill_items")
    public String skillItems = "";

    @Column(name = "pupils_on")
    public LocalDate pupilsOn;

    @Column(name = "guardian_delay_days")
    public Integer guardianDelayDays;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "pupils_visible_at")
    public Instant pupilsVisibleAt;

    @Column(name = "guardians_visible_at")
    public Instant guardiansVisibleAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public UUID createdBy;

    public List<String> skills() {
        return skillItems == null || skillItems.isEmpty() ? List.of() : Arrays.asList(skillItems.split(","));
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    /** Whether its marks exist for that audience at that instant. */
    public boolean visibleTo(Access.Audience audience, Instant now) {
        return switch (audience) {
            case SCHOOL -> true;
            case PUPIL -> pupilsVisibleAt != null && !now.isBefore(pupilsVisibleAt);
            case GUARDIAN -> guardiansVisibleAt != null && !now.isBefore(guardiansVisibleAt);
        };
    }

    public AssessmentView view() {
        return new AssessmentView(id, schoolId, classGroupId, subject, teacherId, periodId, title, heldOn, coefficient, scale,
                optional, skills(), pupilsOn, guardianDelayDays, publishedAt, pupilsVisibleAt, guardiansVisibleAt);
    }
}
