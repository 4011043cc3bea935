package fr.ent.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.web.problem.Problems;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's {@code Idempotency-Key} on a command, so that a retried request is safe: the first
 * request with a key claims it in the transaction of its work (a failed attempt rolls back and
 * frees the key); a repeat with the same request gets the first answer back and changes nothing; the
 * same key on another request is a 409. Two concurrent repeats: the second waits on the primary key
 * until the first commits, then reads its answer. Keys belong to the caller ({@code actorId}).
 * <p>
 * Usage, inside the {@code @Transactional} command:
 * <pre>{@code
 * Optional<RegisterView> first = idempotency.firstAnswer(me, key, "open", in, RegisterView.class);
 * if (first.isPresent()) return replay(first.get());
 * RegisterView view = ...the work...;
 * idempotency.remember(me, key, view);
 * }</pre>
 */
@ApplicationScoped
public class IdempotentRequests {

    /** The HTTP header clients send. */
    public static final String HEADER = "Idempotency-Key";

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final ObjectMapper json;

    public IdempotentRequests(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, ObjectMapper json) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.json = json;
    }

    /**
     * Claims the key for this request; empty when it is ours now (do the work, then {@link #remember}),
     * else the first request's answer.
     *
     * @param scope what the request does ("open", "submit:" + id): the same body on another command is another request
     * @throws fr.ent.web.problem.ProblemException 400 for a key that is blank or over 200 characters, 409 for a
     *                                             key already used on another request
     * @throws IllegalStateException               outside a transaction
     */
    public <T> Optional<T> firstAnswer(UUID actorId, String key, String scope, Object request, Class<T> answerType) {
        if (key.isBlank() || key.length() > 200) {
            throw Problems.badRequest("idempotency-key-invalid", "L'en-tête Idempotency-Key doit faire 1 à 200 caractères.");
        }
        requireTransaction();
        String hash = hash(scope, request);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement claim = c.prepareStatement("""
                    insert into ent_idempotent_request (actor_id, key, request_hash) values (?, ?, ?)
                    on conflict do nothing""")) {
                claim.setObject(1, actorId);
                claim.setString(2, key);
                claim.setString(3, hash);
                if (claim.executeUpdate() == 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement read = c.prepareStatement(
                    "select request_hash, response from ent_idempotent_request where actor_id = ? and key = ?")) {
                read.setObject(1, actorId);
                read.setString(2, key);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    String response = rs.getString(2);
                    if (!rs.getString(1).equals(hash) || response == null) {
                        throw Problems.conflict("idempotency-key-reused",
                                "Cette clé Idempotency-Key a déjà servi pour une autre requête.");
                    }
                    // keep each date-time's own offset: the replay must read exactly as the first answer
                    return Optional.of(json.readerFor(answerType)
                            .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).readValue(response));
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot read the idempotency key " + key, e);
        }
    }

    /** Stores the answer of the request that claimed the key, in the same transaction. */
    public void remember(UUID actorId, String key, Object answer) {
        requireTransaction();
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update ent_idempotent_request set response = ? where actor_id = ? and key = ?")) {
            update.setString(1, json.writeValueAsString(answer));
            update.setObject(2, actorId);
            update.setString(3, key);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("remember(" + key + ") without firstAnswer: claim the key first");
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot store the answer of idempotency key " + key, e);
        }
    }

    private void requireTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("IdempotentRequests needs an active transaction: call it from the "
                    + "@Transactional command, so that a failed attempt frees the key");
        }
    }

    private String hash(String scope, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
