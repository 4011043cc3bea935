package fr.ent.notification.push;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The push rows of the delivery table (channel 'PUSH'), planned by the fan-out with the e-mails.
 * Settling and retrying are the e-mail's ({@code DeliveryRepository}): one table, one life cycle.
 */
@ApplicationScoped
public class PushDeliveries {

    /** A claimed push: what the inbox shows of the notice, nothing more. */
    record Due(long id, UUID eventId, UUID recipient, String type, String title, String body, String link, int attempts) {
    }

    private final Jdbc jdbc;

    PushDeliveries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the push due first, if any; call it inside the transaction that settles it. */
    Optional<Due> claimNextDue(Instant now) {
        return jdbc.one("""
                        select id, event_id, recipient_id, type, title, body, link, attempts from delivery
                        where channel = 'PUSH' and status = 'PENDING' and due_at <= ?
                        order by due_at limit 1 for update skip locked""",
                rs -> new Due(rs.getLong("id"), Jdbc.uuid(rs, "event_id"), Jdbc.uuid(rs, "recipient_id"), rs.getString("type"),
                        rs.getString("title"), rs.getString("body"), rs.getString("link"), rs.getInt("attempts")), now);
    }
}
