package fr.ent.events.testapp;

import fr.ent.events.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A service-like state change made with Hibernate, with its event through the outbox. */
@ApplicationScoped
public class Pupils {

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Outbox outbox;

    /** Returns whether Hibernate and the outbox used the same database session. */
    @Transactional
    public boolean enrol(UUID id, String name, boolean fail) {
        Pupil pupil = new Pupil();
        pupil.id = id;
        pupil.name = name;
        em.persist(pupil);
        em.flush();
        Number hibernateSession = (Number) em.createNativeQuery("select pg_backend_pid()").getSingleResult();
        outbox.publish(new ThingHappened(id.toString(), 1), id.toString(), "pupil/" + id, Things.SCHOOL);
        if (fail) {
            throw new IllegalStateException("the enrolment fails after its event was recorded");
        }
        return hibernateSession.intValue() == jdbcSession();
    }

    private int jdbcSession() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select pg_backend_pid()");
             ResultSet result = query.executeQuery()) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
