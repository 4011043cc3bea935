package fr.ent.attendance.register;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.attendance.support.Jdbc;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * The client's {@code Idempotency-Key}: the first request with a key claims it in the transaction
 * of its work (a failed attempt rolls back and frees the key); a repeat gets the first answer back
 * and changes nothing. Two concurrent repeats: the second waits on the primary key until the first
 * commits, then reads its answer.
 */
@ApplicationScoped
public class IdempotentRequests {

    private final Jdbc jdbc;
    private final ObjectMapper json;

    public IdempotentRequests(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Claims the key; empty when it is ours now, else the stored answer of the first request. */
    public Optional<String> claim(UUID person, String key, String scope, Object request) {
        if (key.isBlank() || key.length() > 200) {
            throw Problems.badRequest("idempotency-key-invalid", "L'en-tête Idempotency-Key doit faire 1 à 200 caractères.");
        }
        String hash = hash(scope, request);
        int claimed = jdbc.update("""
                insert into idempotent_request (person_id, key, request_hash, created_at) values (?, ?, ?, ?)
                on conflict do nothing""", person, key, hash, OffsetDateTime.now());
        if (claimed == 1) {
            return Optional.empty();
        }
        record Stored(String hash, String response) {
        }
        Stored stored = jdbc.one("select request_hash, response from idempotent_request where person_id = ? and key = ?",
                rs -> new Stored(rs.getString(1), rs.getString(2)), person, key).orElseThrow();
        if (!stored.hash().equals(hash) || stored.response() == null) {
            throw Problems.conflict("idempotency-key-reused",
                    "Cette clé Idempotency-Key a déjà servi pour une autre requête.");
        }
        // The stored bytes, not a re-serialisation: the replay is exactly the first answer.
        return Optional.of(stored.response());
    }

    public void remember(UUID person, String key, RegisterView response) {
        try {
            jdbc.update("update idempotent_request set response = ? where person_id = ? and key = ?",
                    json.writeValueAsString(response), person, key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(String scope, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
