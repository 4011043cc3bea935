package fr.ent.grades.reportcard;

import fr.ent.events.EventConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.concurrent.CompletionStage;

/**
 * attendance-service's events (topic {@code ent.attendance}, keyed by pupil), each handled once, in
 * order: they feed {@link AbsenceProjection}, the absences a report card counts in half-days.
 */
@ApplicationScoped
public class AttendanceEventsChannel {

    private final EventConsumer events;
    private final AbsenceProjection absences;

    AttendanceEventsChannel(EventConsumer events, AbsenceProjection absences) {
        this.events = events;
        this.absences = absences;
    }

    @Incoming("attendance-events")
    @Blocking
    public CompletionStage<Void> attendance(KafkaRecordBatch<String, String> batch) {
        return events.handleBatch("grades.attendance", batch, all -> all.forEach(absences::apply));
    }
}
