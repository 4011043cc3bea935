package fr.ent.homework.settings;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class WorkloadSettingsRepository implements PanacheRepositoryBase<WorkloadSettings, UUID> {

    /** The school's thresholds, or the defaults. */
    public WorkloadSettings of(UUID schoolId) {
        return findByIdOptional(schoolId).orElseGet(() -> WorkloadSettings.defaults(schoolId));
    }
}
