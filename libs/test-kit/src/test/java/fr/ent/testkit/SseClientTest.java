package fr.ent.testkit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SseClientTest {

    @Test
    void events_are_read_with_their_id_and_name_and_data_lines_are_joined() throws IOException {
        String stream = """
                : heartbeat

                id: 41
                event: notification
                data: {"title":
                data:  "Absence de Léa"}

                event: ping

                data: sans nom

                """;
        List<SseClient.Event> events = new ArrayList<>();
        SseClient.read(new BufferedReader(new StringReader(stream)), events::add);

        assertThat(events).containsExactly(
                new SseClient.Event("41", "notification", "{\"title\":\n\"Absence de Léa\"}"),
                new SseClient.Event(null, null, "sans nom"));
    }
}
