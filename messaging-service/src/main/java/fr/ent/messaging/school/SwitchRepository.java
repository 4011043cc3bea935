package fr.ent.messaging.school;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class SwitchRepository {

    private final Jdbc jdbc;

    public SwitchRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Switches of(UUID school) {
        return jdbc.one("SELECT messaging_off, mass_sending_off FROM school_switch WHERE school_id = ?",
                rs -> new Switches(!rs.getBoolean(1), !rs.getBoolean(2)), school).orElse(new Switches(true, true));
    }

    public void save(UUID school, Switches switches, UUID by, Instant at) {
        jdbc.update("""
                INSERT INTO school_switch (school_id, messaging_off, mass_sending_off, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (school_id) DO UPDATE SET messaging_off = excluded.messaging_off,
                    mass_sending_off = excluded.mass_sending_off, changed_by = excluded.changed_by, changed_at = excluded.changed_at""",
                school, !switches.messaging(), !switches.massSending(), by, at);
    }
}
