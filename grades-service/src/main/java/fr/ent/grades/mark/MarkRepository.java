package fr.ent.grades.mark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.grades.assessment.Assessment;
import fr.ent.grades.average.Marker;
import fr.ent.grades.average.SkillLevel;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Marks and their history, in plain JDBC on the transaction's connection: a class's marks are
 * written in one batch with the assessment's outbox rows.
 */
@ApplicationScoped
public class MarkRepository {

    private static final String COLUMNS = "assessment_id, pupil_id, value, marker, skills::text, entered_at, entered_by";
    private static final TypeReference<TreeMap<String, SkillLevel>> SKILLS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public MarkRepository(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<StoredMark> ofAssessment(UUID assessmentId) {
        return jdbc.query("select " + COLUMNS + " from mark where assessment_id = ? order by pupil_id", this::map, assessmentId);
    }

    /** Whether the pupil has a result in the assessment. */
    public boolean exists(UUID assessmentId, UUID pupilId) {
        return jdbc.one("select 1 from mark where assessment_id = ? and pupil_id = ?", rs -> 1, assessmentId, pupilId).isPresent();
    }

    /** A pupil's result with its assessment. */
    public record Result(Assessment assessment, StoredMark mark) {
    }

    private static final String RESULTS = "select m.assessment_id, m.pupil_id, m.value, m.marker, m.skills::text, m.entered_at, "
            + "m.entered_by, a.school_id, a.class_group_id, a.subject, a.teacher_id, a.period_id, a.title, a.held_on, "
            + "a.coefficient, a.scale, a.optional, a.skill_items, a.pupils_on, a.guardian_delay_days, a.published_at, "
            + "a.pupils_visible_at, a.guardians_visible_at, a.created_at, a.created_by "
            + "from mark m join assessment a on a.id = m.assessment_id where m.pupil_id = any (?)";

    /**
     * Every result of these pupils with its assessment, in one query (the mark_pupil index, then the
     * assessment's key): the results of one pupil's page, or of a whole class for its statistics,
     * ranks and report cards. With a school, only its assessments held from {@code from} to {@code to}.
     */
    public List<Result> results(Collection<UUID> pupilIds, UUID schoolId, LocalDate from, LocalDate to) {
        if (pupilIds.isEmpty()) {
            return List.of();
        }
        if (schoolId == null) {
            return jdbc.query(RESULTS, this::result, new Jdbc.UuidArray(pupilIds));
        }
        return jdbc.query(RESULTS + " and a.school_id = ? and a.held_on between ? and ?", this::result,
                new Jdbc.UuidArray(pupilIds), schoolId, from, to);
    }

    private Result result(ResultSet rs) throws SQLException {
        Assessment a = new Assessment();
        a.id = rs.getObject(1, UUID.class);
        a.schoolId = rs.getObject("school_id", UUID.class);
        a.classGroupId = rs.getObject("class_group_id", UUID.class);
        a.subject = rs.getString("subject");
        a.teacherId = rs.getObject("teacher_id", UUID.class);
        a.periodId = rs.getObject("period_id", UUID.class);
        a.title = rs.getString("title");
        a.heldOn = rs.getObject("held_on", LocalDate.class);
        a.coefficient = rs.getBigDecimal("coefficient");
        a.scale = rs.getInt("scale");
        a.optional = rs.getBoolean("optional");
        a.skillItems = rs.getString("skill_items");
        a.pupilsOn = rs.getObject("pupils_on", LocalDate.class);
        a.guardianDelayDays = Jdbc.integer(rs, "guardian_delay_days");
        a.publishedAt = Jdbc.instant(rs, "published_at");
        a.pupilsVisibleAt = Jdbc.instant(rs, "pupils_visible_at");
        a.guardiansVisibleAt = Jdbc.instant(rs, "guardians_visible_at");
        a.createdAt = Jdbc.instant(rs, "created_at");
        a.createdBy = rs.getObject("created_by", UUID.class);
        return new Result(a, map(rs));
    }

    /** Locks the assessment's marks for this transaction (two entries at once apply one after the other). */
    public void lockAssessment(UUID assessmentId) {
        jdbc.query("select id from assessment where id = ? for update", rs -> rs.getObject(1), assessmentId);
    }

    /** Writes these results (inserted or replaced) and removes those of the pupils given. */
    public void write(UUID assessmentId, List<StoredMark> marks, Collection<UUID> removed) {
        if (!removed.isEmpty()) {
            jdbc.update("delete from mark where assessment_id = ? and pupil_id = any (?)", assessmentId, new Jdbc.UuidArray(removed));
        }
        List<Object[]> rows = new ArrayList<>();
        for (StoredMark m : marks) {
            rows.add(new Object[]{m.assessmentId(), m.pupilId(), m.value(), m.marker() == null ? null : m.marker().name(),
                    skills(m.skills()), m.enteredAt(), m.enteredBy()});
        }
        if (!rows.isEmpty()) {
            jdbc.batch("""
                    insert into mark (assessment_id, pupil_id, value, marker, skills, entered_at, entered_by)
                    values (?, ?, ?, ?, ?::jsonb, ?, ?)
                    on conflict (assessment_id, pupil_id) do update set value = excluded.value, marker = excluded.marker,
                      skills = excluded.skills, entered_at = excluded.entered_at, entered_by = excluded.entered_by""", rows);
        }
    }

    /** Removes every result of an assessment never published (it has no history). */
    public void deleteAll(UUID assessmentId) {
        jdbc.update("delete from mark where assessment_id = ?", assessmentId);
    }

    /** Keeps the results these replace, in the history of published marks. */
    public void keepHistory(List<StoredMark> replaced, Instant at, UUID by) {
        List<Object[]> rows = new ArrayList<>();
        for (StoredMark m : replaced) {
            rows.add(new Object[]{m.assessmentId(), m.pupilId(), m.value(), m.marker() == null ? null : m.marker().name(),
                    skills(m.skills()), m.enteredAt(), m.enteredBy(), at, by});
        }
        if (!rows.isEmpty()) {
            jdbc.batch("""
                    insert into mark_history (assessment_id, pupil_id, value, marker, skills, entered_at, entered_by, replaced_at, replaced_by)
                    values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""", rows);
        }
    }

    /** What the pupil's result was before each change, oldest first. */
    public List<MarkHistoryView.Version> history(UUID assessmentId, UUID pupilId) {
        return jdbc.query("""
                select value, marker, skills::text, entered_at, entered_by, replaced_at, replaced_by from mark_history
                where assessment_id = ? and pupil_id = ? order by id""",
                rs -> new MarkHistoryView.Version(rs.getBigDecimal(1), marker(rs.getString(2)), skills(rs.getString(3)),
                        Jdbc.instant(rs, "entered_at"), rs.getObject(5, UUID.class), Jdbc.instant(rs, "replaced_at"),
                        rs.getObject(7, UUID.class)), assessmentId, pupilId);
    }

    private StoredMark map(ResultSet rs) throws SQLException {
        return new StoredMark(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBigDecimal(3),
                marker(rs.getString(4)), skills(rs.getString(5)), Jdbc.instant(rs, "entered_at"), rs.getObject(7, UUID.class));
    }

    private static Marker marker(String name) {
        return name == null ? null : Marker.valueOf(name);
    }

    private String skills(Map<String, SkillLevel> skills) {
        try {
            return json.writeValueAsString(skills == null ? Map.of() : new TreeMap<>(skills));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, SkillLevel> skills(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, SKILLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
