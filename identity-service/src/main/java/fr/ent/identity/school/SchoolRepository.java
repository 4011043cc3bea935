package fr.ent.identity.school;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SchoolRepository implements PanacheRepositoryBase<School, UUID> {

    public Optional<School> byUai(String uai) {
        return find("uai", uai).firstResultOptional();
    }

    public PanacheQuery<School> allByName() {
        return findAll(Sort.by("name"));
    }

    public PanacheQuery<School> byName(Collection<UUID> ids) {
        return find("id in ?1", Sort.by("name"), List.copyOf(ids));
    }
}
