package fr.ent.grades.settings;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SettingsRepository implements PanacheRepositoryBase<SchoolSettings, UUID> {

    /** The school's settings, or the defaults (not stored). */
    public SchoolSettings of(UUID schoolId) {
        return findByIdOptional(schoolId).orElseGet(() -> SchoolSettings.defaults(schoolId));
    }
}
