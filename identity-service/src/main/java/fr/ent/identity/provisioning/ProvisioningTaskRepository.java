package fr.ent.identity.provisioning;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ProvisioningTaskRepository implements PanacheRepositoryBase<ProvisioningTask, Long> {

    /** The ids of the tasks due now, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Long> due(int limit) {
        return ((List<Number>) getEntityManager().createNativeQuery(
                        "select id from provisioning_task where done_at is null and next_attempt_at <= now() order by id limit ?1")
                .setParameter(1, limit).getResultList()).stream().map(Number::longValue).toList();
    }

    /** Locks the task for this transaction; false if it is done or another worker holds it. */
    public boolean lock(long id) {
        return !getEntityManager().createNativeQuery(
                        "select id from provisioning_task where id = ?1 and done_at is null for update skip locked")
                .setParameter(1, id).getResultList().isEmpty();
    }
}
