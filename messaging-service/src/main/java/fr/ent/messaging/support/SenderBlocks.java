package fr.ent.messaging.support;

import fr.ent.web.clock.SchoolClock;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Senders a school's staff blocked for a period (after a report): they send nothing in that school meanwhile. */
@ApplicationScoped
public class SenderBlocks {

    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H'h'mm", Locale.FRENCH);

    private final Jdbc jdbc;
    private final SchoolClock clock;

    public SenderBlocks(Jdbc jdbc, SchoolClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void block(UUID school, UUID person, Instant until, UUID by) {
        jdbc.update("""
                INSERT INTO sender_block (school_id, person_id, until, blocked_by, blocked_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (school_id, person_id) DO UPDATE SET until = excluded.until, blocked_by = excluded.blocked_by,
                    blocked_at = excluded.blocked_at""", school, person, until, by, clock.instant());
    }

    public Optional<Instant> blockedUntil(UUID school, UUID person) {
        return jdbc.one("SELECT until FROM sender_block WHERE school_id = ? AND person_id = ? AND until > ?",
                rs -> Jdbc.instant(rs, "until"), school, person, clock.instant());
    }

    /** 403 while the person is blocked in that school, saying until when. */
    public void requireNotBlocked(UUID school, UUID person) {
        blockedUntil(school, person).ifPresent(until -> {
            throw Problems.forbidden("L'établissement a suspendu vos envois de messages jusqu'au "
                    + FRENCH.format(until.atZone(clock.zone())) + ".");
        });
    }
}
