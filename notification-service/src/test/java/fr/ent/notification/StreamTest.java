package fr.ent.notification;

import fr.ent.notification.notice.Notice;
import fr.ent.notification.inbox.InboxWriter;
import fr.ent.notification.stream.StreamHub;
import fr.ent.testkit.SseClient;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.SmtpResource;
import fr.ent.testservers.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(SmtpResource.class)
class StreamTest extends NotificationScenario {

    @TestHTTPResource("/api/notification/stream")
    URI stream;

    @Inject
    StreamHub hub;
    @Inject
    InboxWriter inboxWriter;

    @Test
    void the_stream_delivers_a_new_notification_live_and_replays_what_was_missed_after_reconnecting() throws Exception {
        Family family = Family.create(directory, contacts, "Léo");
        String token = TestTokens.parent(family.mother(), family.school());

        String lastId;
        try (SseClient live = open(token, null)) {
            family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));
            SseClient.Event first = await().atMost(Duration.ofSeconds(30)).until(live::events, e -> !e.isEmpty()).get(0);
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.contentType()).startsWith("text/event-stream");
            assertThat(first.name()).isEqualTo("notification");
            assertThat(first.id()).isNotBlank();
            assertThat(first.data()).contains("\"title\":\"Absence de Léo\"").contains("\"firstName\":\"Léo\"");
            lastId = first.id();
        }

        // Offline: two more absences happen.
        family.absent(at(TUESDAY_10H.withHour(10)), at(TUESDAY_10H.withHour(11)));
        family.absent(at(TUESDAY_10H.withHour(14)), at(TUESDAY_10H.withHour(15)));
        awaitInbox(family.mother(), family.school(), 3);

        try (SseClient back = open(token, lastId)) {
            List<SseClient.Event> replayed = await().atMost(Duration.ofSeconds(10)).until(back::events, e -> e.size() >= 2);
            assertThat(replayed).hasSize(2);
            assertThat(replayed.get(0).data()).contains("de 10 h 00 à 11 h 00");
            assertThat(replayed.get(1).data()).contains("de 14 h 00 à 15 h 00");
            assertThat(Long.parseLong(replayed.get(0).id())).isGreaterThan(Long.parseLong(lastId));
            assertThat(Long.parseLong(replayed.get(1).id())).isGreaterThan(Long.parseLong(replayed.get(0).id()));

            // And it goes on live after the replay, without repeating anything.
            family.absent(at(TUESDAY_10H.withHour(16)), at(TUESDAY_10H.withHour(17)));
            await().atMost(Duration.ofSeconds(30)).until(() -> back.events().size() >= 3);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(11)).until(() -> back.events().size() == 3);
            assertThat(back.events().get(2).data()).contains("de 16 h 00 à 17 h 00");
        }
    }

    @Test
    void a_notification_written_by_another_instance_reaches_this_instances_stream() throws Exception {
        UUID parent = UUID.randomUUID();
        UUID school = UUID.randomUUID();
        try (SseClient live = open(TestTokens.parent(parent, school), null)) {
            // Another instance commits an inbox row: nothing in this process is told, only the table changes.
            Notice notice = new Notice(parent, school, UUID.randomUUID(), "Zoé", "Absence de Zoé",
                    "Absence de Zoé enregistrée.", "/vie-scolaire", Instant.now(), null);
            QuarkusTransaction.requiringNew().run(() -> inboxWriter.write(List.of(new InboxWriter.Row(UUID.randomUUID(), "absence", notice))));
            SseClient.Event event = await().atMost(Duration.ofSeconds(5)).until(live::events, e -> !e.isEmpty()).get(0);
            assertThat(event.data()).contains("Absence de Zoé");
        }
    }

    @Test
    void a_parent_never_sees_another_familys_notifications_on_the_stream() throws Exception {
        Family family = Family.create(directory, contacts, "Rose");
        UUID otherParent = UUID.randomUUID();
        try (SseClient mother = open(TestTokens.parent(family.mother(), family.school()), null);
             SseClient stranger = open(TestTokens.parent(otherParent, family.school()), "0")) {
            family.absent(at(TUESDAY_10H.withHour(8)), at(TUESDAY_10H.withHour(9)));
            await().atMost(Duration.ofSeconds(30)).until(() -> !mother.events().isEmpty());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(11)).until(() -> stranger.events().isEmpty());
        }
    }

    /** Proxies and load balancers close a connection that stays quiet: a heartbeat comment every 20 s. */
    @Test
    void a_quiet_stream_gets_a_heartbeat_within_the_configured_interval() throws Exception {
        try (RawStream raw = new RawStream(stream, TestTokens.parent(UUID.randomUUID(), UUID.randomUUID()))) {
            raw.readUntil(":open\n");
            long opened = System.nanoTime();
            raw.readUntil(":ping\n");
            assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(Duration.ofSeconds(25));
        }
    }

    @Test
    void the_stream_needs_a_signed_in_person() throws Exception {
        try (SseClient anonymous = new SseClient(stream, null, null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> anonymous.status() != 0);
            assertThat(anonymous.status()).isEqualTo(401);
        }
        try (SseClient expired = new SseClient(stream, TestTokens.expired(), null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> expired.status() != 0);
            assertThat(expired.status()).isEqualTo(401);
        }
        try (SseClient service = new SseClient(stream, TestTokens.service("gateway"), null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> service.status() != 0);
            assertThat(service.status()).isEqualTo(403);
        }
    }

    private SseClient open(String token, String lastEventId) throws Exception {
        UUID person = UUID.fromString(personOf(token));
        int before = hub.openStreams(person);
        SseClient client = new SseClient(stream, token, lastEventId);
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.openStreams(person) > before);
        return client;
    }

    /** The person_id claim of a test token (its payload is plain base64url JSON). */
    private static String personOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"person_id\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
        if (!m.find()) {
            throw new IllegalArgumentException("no person_id in " + payload);
        }
        return m.group(1);
    }
}
