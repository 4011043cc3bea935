package fr.ent.identity.person;

import fr.ent.events.contract.identity.PersonRole;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class PersonExternalIdRepository implements PanacheRepositoryBase<PersonExternalId, UUID> {

    public List<PersonExternalId> ofSchool(UUID schoolId) {
        return list("schoolId", schoolId);
    }

    /** The external ids a school gives the people of a role. */
    public Set<String> externalIds(UUID schoolId, PersonRole role) {
        return list("schoolId = ?1 and role = ?2", schoolId, role).stream().map(x -> x.externalId).collect(Collectors.toSet());
    }
}
