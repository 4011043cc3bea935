package fr.ent.notification.email;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** The contact table: each person's e-mail address, with the version of identity's event that set it. */
@ApplicationScoped
public class ContactRepository {

    private final Jdbc jdbc;

    ContactRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the address (null: none) unless a higher version is already there. */
    void storeIfNewer(UUID person, String email, long version) {
        jdbc.update("""
                insert into contact (person_id, email, version) values (?, ?, ?)
                on conflict (person_id) do update set email = excluded.email, version = excluded.version
                where contact.version < excluded.version""", person, email, version);
    }

    Optional<String> emailOf(UUID person) {
        return jdbc.one("select email from contact where person_id = ?", rs -> Optional.ofNullable(rs.getString("email")), person)
                .flatMap(email -> email);
    }
}
