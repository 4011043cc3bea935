package fr.ent.timetable.remote;

import fr.ent.web.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemoteLinkUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://bbb.ac-example.fr/b/mat-4a-xyz", "https://meet.jit.si/Maths4A", "  HTTPS://visio.example/x  "})
    void an_https_room_url_is_a_link(String url) {
        assertThat(RemoteLinkUrl.check("url", url)).isEqualTo(url.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://visio.example/x", "javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://visio.example/x",
            "//visio.example/x", "visio.example/x", "https:///path-only", "https://user:secret@visio.example/x",
            "https://visio.example/a b", " "})
    void anything_else_is_a_400_naming_the_field(String url) {
        assertThatThrownBy(() -> RemoteLinkUrl.check("url", url)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("url");
    }

    @org.junit.jupiter.api.Test
    void a_link_longer_than_500_characters_is_refused() {
        String url = "https://visio.example/" + "a".repeat(RemoteLinkUrl.MAX_LENGTH);
        assertThatThrownBy(() -> RemoteLinkUrl.check("url", url)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> RemoteLinkUrl.check("url", null)).isInstanceOf(ProblemException.class);
    }
}
