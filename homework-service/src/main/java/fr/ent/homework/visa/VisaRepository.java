package fr.ent.homework.visa;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VisaRepository implements PanacheRepositoryBase<Visa, UUID> {

    public List<Visa> ofClass(UUID classGroupId) {
        return list("classGroupId = ?1 order by stampedOn desc, stampedAt desc", classGroupId);
    }
}
