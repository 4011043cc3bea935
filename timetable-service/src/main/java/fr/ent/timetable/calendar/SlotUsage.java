package fr.ent.timetable.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.UUID;

/** Whether lessons still use a time slot (a slot in use cannot be removed). */
@ApplicationScoped
public class SlotUsage {

    private final EntityManager em;

    public SlotUsage(EntityManager em) {
        this.em = em;
    }

    public boolean isUsed(UUID schoolId, String code) {
        return !em.createNativeQuery("select 1 from lesson where school_id = ?1 and slot = ?2 limit 1")
                .setParameter(1, schoolId).setParameter(2, code).getResultList().isEmpty();
    }
}
