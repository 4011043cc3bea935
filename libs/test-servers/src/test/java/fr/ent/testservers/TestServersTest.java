package fr.ent.testservers;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TestServersTest {

    @Test
    void postgres_is_a_real_server_that_keeps_what_it_is_given() throws Exception {
        String url = Postgres.shared().jdbcUrl("servers_test");
        try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("create table pupil (id uuid primary key, first_name text not null)");
            s.execute("insert into pupil values ('" + UUID.randomUUID() + "', 'Léa')");
            try (ResultSet rs = s.executeQuery("select first_name, version() from pupil")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Léa");
                assertThat(rs.getString(2)).startsWith("PostgreSQL 17");
            }
        }
        assertThat(Postgres.shared()).isSameAs(Postgres.shared());
    }

    @Test
    void kafka_broker_survives_a_restart_with_its_data() {
        KafkaBroker broker = KafkaBroker.shared();
        String topic = "servers-test-" + UUID.randomUUID();
        send(broker, topic, "before-restart");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        assertThat(portOpen(broker.bootstrapServers())).isFalse();
        broker.start();

        send(broker, topic, "after-restart");
        assertThat(readAll(broker, topic, 2)).containsExactly("before-restart", "after-restart");
    }

    @Test
    void a_killed_test_jvm_leaves_no_broker_behind() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dent.root=" + Workspace.repositoryRoot(),
                StartBrokerAndWait.class.getName())
                .redirectErrorStream(true).start();
        String bootstrap;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            bootstrap = out.lines().filter(l -> l.startsWith("bootstrap=")).findFirst().orElseThrow().substring(10);
            assertThat(portOpen(bootstrap)).isTrue();

            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // kill -9: no shutdown hook runs

            Instant deadline = Instant.now().plusSeconds(20);
            while (portOpen(bootstrap) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
        }
        assertThat(portOpen(bootstrap)).as("broker of the killed JVM still listening on " + bootstrap).isFalse();
    }

    /** Run in a child JVM by the test above. */
    public static final class StartBrokerAndWait {
        public static void main(String[] args) throws Exception {
            System.out.println("bootstrap=" + KafkaBroker.shared().bootstrapServers());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void send(KafkaBroker broker, String topic, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, "same-key", value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot send to " + topic, e);
        }
    }

    private static List<String> readAll(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "servers-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static boolean portOpen(String hostPort) {
        String[] parts = hostPort.split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
