package fr.ent.homework.work;

import fr.ent.web.jdbc.Jdbc;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class WorkRepository implements PanacheRepositoryBase<Work, UUID> {

    private final Jdbc jdbc;

    public WorkRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Work of these classes and groups due between two days (inclusive). */
    public List<Work> due(Collection<UUID> classGroupIds, LocalDate from, LocalDate to) {
        return classGroupIds.isEmpty() ? List.of()
                : list("classGroupId in ?1 and dueOn >= ?2 and dueOn <= ?3 order by dueOn, dueAt, subject", classGroupIds, from, to);
    }

    /** "occurrence id/class or group id" → how many pieces of work were set in that lesson for it. */
    public Map<String, Long> countByOccurrence(List<String> occurrenceIds) {
        Map<String, Long> counts = new HashMap<>();
        if (!occurrenceIds.isEmpty()) {
            jdbc.query("""
                    SELECT occurrence_id, class_group_id, count(*) AS n FROM work
                    WHERE occurrence_id = any(?) GROUP BY occurrence_id, class_group_id""",
                    rs -> counts.put(rs.getString("occurrence_id") + "/" + rs.getObject("class_group_id"), rs.getLong("n")),
                    Jdbc.texts(occurrenceIds, s -> s));
        }
        return counts;
    }

    // --- chosen pupils

    public void choosePupils(UUID workId, Collection<UUID> pupilIds) {
        jdbc.batch("INSERT INTO work_pupil (work_id, pupil_id) VALUES (?, ?)",
                pupilIds.stream().map(p -> new Object[] {workId, p}).toList());
    }

    /** Work → its chosen pupils, for those of these works set for chosen pupils only. */
    public Map<UUID, Set<UUID>> chosenPupils(Collection<UUID> workIds) {
        Map<UUID, Set<UUID>> result = new HashMap<>();
        if (!workIds.isEmpty()) {
            jdbc.query("SELECT work_id, pupil_id FROM work_pupil WHERE work_id = ANY (?)",
                    rs -> result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getObject(2, UUID.class)),
                    new Jdbc.UuidArray(workIds));
        }
        return result;
    }

    // --- done flags

    /** Marks done (true) or to do (false); saying it twice changes nothing. */
    public void setDone(UUID workId, UUID pupilId, boolean done, Instant at) {
        if (done) {
            jdbc.update("INSERT INTO work_done (work_id, pupil_id, done_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    workId, pupilId, at);
        } else {
            jdbc.update("DELETE FROM work_done WHERE work_id = ? AND pupil_id = ?", workId, pupilId);
        }
    }

    /** Which of these works the pupil marked done. */
    public Set<UUID> doneBy(UUID pupilId, Collection<UUID> workIds) {
        if (workIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.query("SELECT work_id FROM work_done WHERE pupil_id = ? AND work_id = ANY (?)",
                rs -> rs.getObject(1, UUID.class), pupilId, new Jdbc.UuidArray(workIds)));
    }

    /** The pupils who marked the work done. */
    public Set<UUID> doneFor(UUID workId) {
        return new HashSet<>(jdbc.query("SELECT pupil_id FROM work_done WHERE work_id = ?", rs -> rs.getObject(1, UUID.class), workId));
    }

    // --- reminders

    /** Claims up to {@code limit} visible works due on that day whose reminder is not sent yet (skip locked: replicas share). */
    public List<UUID> claimReminders(LocalDate dueOn, Instant now, int limit) {
        return jdbc.query("""
                SELECT id FROM work WHERE due_on = ? AND reminder_sent_at IS NULL AND visible_from <= ?
                ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""", rs -> rs.getObject(1, UUID.class), dueOn, now, limit);
    }

    public void reminderSent(UUID workId, Instant at) {
        jdbc.update("UPDATE work SET reminder_sent_at = ? WHERE id = ?", at, workId);
    }
}
