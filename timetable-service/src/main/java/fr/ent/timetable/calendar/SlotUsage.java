package fr.ent.timetable.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * Whether lessons still use a time slot (a slot in use cannot be removed), and the spans of slots
 * that lessons over several slots take (their last slot must stay after their first).
 */
@ApplicationScoped
public class SlotUsage {

    private final EntityManager em;

    public SlotUsage(EntityManager em) {
        this.em = em;
    }

    public boolean isUsed(UUID schoolId, String code) {
        return !em.createNativeQuery("""
                        select 1 from lesson where school_id = ?1 and (slot = ?2 or end_slot = ?2)
                        union all
                        select 1 from occurrence_change c join lesson l on l.id = c.lesson_id
                        where l.school_id = ?1 and (c.moved_slot = ?2 or c.moved_end_slot = ?2)
                        limit 1""")
                .setParameter(1, schoolId).setParameter(2, code).getResultList().isEmpty();
    }

    /** A lesson's (or a moved occurrence's) first and last slot. */
    public record Span(String first, String last) {
    }

    /** The distinct spans of several slots the school's lessons and moved occurrences take. */
    @SuppressWarnings("unchecked")
    public List<Span> spans(UUID schoolId) {
        List<Object[]> rows = em.createNativeQuery("""
                        select slot, end_slot from lesson where school_id = ?1 and end_slot is not null
                        union
                        select c.moved_slot, c.moved_end_slot from occurrence_change c join lesson l on l.id = c.lesson_id
                        where l.school_id = ?1 and c.moved_end_slot is not null""")
                .setParameter(1, schoolId).getResultList();
        return rows.stream().map(r -> new Span((String) r[0], (String) r[1])).toList();
    }
}
