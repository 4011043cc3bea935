package fr.ent.identity.person;

import fr.ent.events.contract.identity.PersonRole;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    public boolean usernameTaken(String username) {
        return count("username", username) > 0;
    }

    /** The usernames equal to {@code base} or starting with it. */
    @SuppressWarnings("unchecked")
    public List<String> usernamesStartingWith(String base) {
        return getEntityManager().createNativeQuery("select username from person where username = ?1 or username like ?2")
                .setParameter(1, base).setParameter(2, base.replace("_", "\\_").replace("%", "\\%") + "%")
                .getResultList();
    }

    /** The usernames that are one of {@code bases} followed by digits or nothing. */
    @SuppressWarnings("unchecked")
    public List<String> usernamesOfBases(Collection<String> bases) {
        return getEntityManager().createNativeQuery(
                        "select username from person where regexp_replace(username, '[0-9]+$', '') in (?1)")
                .setParameter(1, bases).getResultList();
    }

    /**
     * People by name: those of {@code school} when given, else of one of {@code anyOf} when given
     * (else everyone), with that role, whose names or username contain {@code text}.
     */
    public PanacheQuery<Person> search(UUID school, Set<UUID> anyOf, PersonRole role, String text) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (school != null) {
            where.append(" and :school member of p.schoolIds");
            params.and("school", school);
        } else if (anyOf != null) {
            where.append(" and exists (select 1 from Person x join x.schoolIds s where x = p and s in :mine)");
            params.and("mine", anyOf);
        }
        if (role != null) {
            where.append(" and p.role = :role");
            params.and("role", role);
        }
        if (text != null) {
            where.append(" and (lower(p.lastName) like :q or lower(p.firstName) like :q or p.username like :q)");
            params.and("q", "%" + text + "%");
        }
        return find("from Person p where " + where, Sort.by("lastName").and("firstName").and("id"), params);
    }

    public List<Person> byIds(Collection<UUID> ids) {
        return list("id in ?1", ids);
    }

    /** Everyone a school knows by an external id, with their schools. */
    public List<Person> withExternalIdIn(UUID schoolId) {
        return getEntityManager().createQuery("""
                        select distinct p from Person p left join fetch p.schoolIds
                        where p.id in (select x.personId from PersonExternalId x where x.schoolId = ?1)""", Person.class)
                .setParameter(1, schoolId).getResultList();
    }
}
