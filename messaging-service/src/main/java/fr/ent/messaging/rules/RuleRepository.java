package fr.ent.messaging.rules;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** A school's adjustments of the rule table, on top of the defaults. */
@ApplicationScoped
public class RuleRepository {

    private final Jdbc jdbc;

    public RuleRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public RuleTable tableOf(UUID school) {
        RuleTable table = RuleTable.defaults();
        for (Object[] row : jdbc.query("SELECT sender_profile, recipient_profile, reach FROM writing_rule WHERE school_id = ?",
                rs -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3)}, school)) {
            table = table.with(Profile.valueOf((String) row[0]), Profile.valueOf((String) row[1]), Reach.valueOf((String) row[2]));
        }
        return table;
    }

    public void save(UUID school, Profile sender, Profile recipient, Reach reach, UUID by, Instant at) {
        jdbc.update("""
                INSERT INTO writing_rule (school_id, sender_profile, recipient_profile, reach, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (school_id, sender_profile, recipient_profile)
                DO UPDATE SET reach = excluded.reach, changed_by = excluded.changed_by, changed_at = excluded.changed_at""",
                school, sender, recipient, reach, by, at);
    }
}
