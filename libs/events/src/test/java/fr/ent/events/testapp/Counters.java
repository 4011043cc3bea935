package fr.ent.events.testapp;

import fr.ent.events.IncomingEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The consumer's own state change, made in the transaction the idempotent consumer opened. */
@ApplicationScoped
public class Counters {

    @Inject
    AgroalDataSource dataSource;

    public void apply(IncomingEvent event) {
        CounterIncremented counted = event.data(CounterIncremented.class);
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into test_counter (name, value) values (?, ?)
                    on conflict (name) do update set value = test_counter.value + excluded.value""")) {
                upsert.setString(1, counted.counter());
                upsert.setInt(2, counted.amount());
                upsert.executeUpdate();
            }
            try (PreparedStatement log = connection.prepareStatement(
                    "insert into test_applied (event_id, counter, amount) values (?, ?, ?)")) {
                log.setObject(1, event.id());
                log.setString(2, counted.counter());
                log.setInt(3, counted.amount());
                log.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (counted.fail()) {
            // After the writes: the rollback must undo them.
            throw new IllegalStateException("the counter " + counted.counter() + " refuses this event");
        }
    }
}
