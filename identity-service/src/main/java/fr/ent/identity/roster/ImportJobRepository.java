package fr.ent.identity.roster;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    public void progress(UUID jobId, ImportJob.Status status, String phase, int processed) {
        update("status = ?1, phase = ?2, processed = ?3 where id = ?4", status, phase, processed, jobId);
    }
}
