package fr.ent.events.testapp;

import fr.ent.events.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** A service-like state change that records its event through the outbox. */
@ApplicationScoped
public class Things {

    /** The school of the test application's events (every event carries a schoolid). */
    public static final UUID SCHOOL = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    @Transactional
    public UUID record(String key, int n) {
        return record(key, n, SCHOOL);
    }

    @Transactional
    public UUID record(String key, int n, UUID schoolId) {
        insert(key, n);
        return outbox.publish(new ThingHappened(key, n), key, "thing/" + key, schoolId);
    }

    /** Records the thing and its event, then fails: neither may remain. */
    @Transactional
    public void recordThenFail(String key, int n) {
        insert(key, n);
        outbox.publish(new ThingHappened(key, n), key, "thing/" + key, SCHOOL);
        throw new IllegalStateException("the state change fails after its event was recorded");
    }

    private void insert(String key, int n) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into test_thing (thing_key, n) values (?, ?)")) {
            insert.setString(1, key);
            insert.setInt(2, n);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
