package fr.ent.messaging.away;

import fr.ent.messaging.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The right to disconnect, a person's side: an absence with an auto-reply. Who writes to them
 * meanwhile gets the auto-reply in the answer to their sending (nothing is sent on their behalf).
 */
@ApplicationScoped
public class Away {

    private final Jdbc jdbc;
    private final Access access;
    private final SchoolClock clock;

    public Away(Jdbc jdbc, Access access, SchoolClock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AwayInput> mine() {
        return jdbc.one("SELECT starts_at, ends_at, reply FROM away WHERE person_id = ?",
                rs -> new AwayInput(Jdbc.instant(rs, "starts_at").atZone(clock.zone()).toOffsetDateTime(),
                        Jdbc.instant(rs, "ends_at").atZone(clock.zone()).toOffsetDateTime(), rs.getString(3)), access.person());
    }

    @Transactional
    public AwayInput set(AwayInput in) {
        if (!in.endsAt().isAfter(in.startsAt())) {
            throw Problems.invalidField("endsAt", "doit suivre le début de l'absence");
        }
        if (Duration.between(in.startsAt(), in.endsAt()).toDays() > 366) {
            throw Problems.invalidField("endsAt", "une absence dure au plus un an");
        }
        jdbc.update("""
                INSERT INTO away (person_id, starts_at, ends_at, reply) VALUES (?, ?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET starts_at = excluded.starts_at, ends_at = excluded.ends_at, reply = excluded.reply""",
                access.person(), in.startsAt().toInstant(), in.endsAt().toInstant(), in.reply().strip());
        return mine().orElseThrow();
    }

    @Transactional
    public void clear() {
        jdbc.update("DELETE FROM away WHERE person_id = ?", access.person());
    }

    /** The auto-replies of those of the people away now: person → reply. */
    public Map<UUID, String> repliesOf(Collection<UUID> people) {
        if (people.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = jdbc.query("SELECT person_id, reply FROM away WHERE person_id = any(?) AND starts_at <= ? AND ends_at > ?",
                rs -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)},
                new Jdbc.UuidArray(List.copyOf(people)), clock.instant(), clock.instant());
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (String) r[1]));
    }
}
