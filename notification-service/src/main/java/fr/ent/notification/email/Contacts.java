package fr.ent.notification.email;

import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.events.contract.identity.ContactChanged;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * E-mail addresses, from the restricted topic only notification-service reads. Keeps the highest
 * version per person, so redelivery and reordering cannot bring an old address back.
 */
@ApplicationScoped
public class Contacts {

    private final AgroalDataSource dataSource;

    Contacts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (!event.is(ContactChanged.class)) {
            throw new PoisonEventException("unexpected event type " + event.type() + " on the contacts topic");
        }
        ContactChanged changed = event.data(ContactChanged.class);
        if (changed.personId() == null) {
            throw new PoisonEventException("contact-changed without personId");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement upsert = c.prepareStatement("""
                     insert into contact (person_id, email, version) values (?, ?, ?)
                     on conflict (person_id) do update set email = excluded.email, version = excluded.version
                     where contact.version < excluded.version""")) {
            upsert.setObject(1, changed.personId());
            upsert.setString(2, changed.email() == null || changed.email().isBlank() ? null : changed.email().trim());
            upsert.setLong(3, changed.version());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the contact of " + changed.personId(), e);
        }
    }

    public Optional<String> emailOf(UUID person) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select email from contact where person_id = ?")) {
            q.setObject(1, person);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the contact of " + person, e);
        }
    }
}
