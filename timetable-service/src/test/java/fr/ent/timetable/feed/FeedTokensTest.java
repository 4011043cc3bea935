package fr.ent.timetable.feed;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FeedTokensTest {

    @Test
    void a_token_is_32_random_bytes_url_safe_and_only_its_hash_is_kept() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = FeedTokens.newToken();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(FeedTokens.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
        String token = FeedTokens.newToken();
        assertThat(FeedTokens.hash(token)).hasSize(32).isEqualTo(FeedTokens.hash(token))
                .isNotEqualTo(FeedTokens.hash(FeedTokens.newToken()));
        assertThat(FeedTokens.url(token)).isEqualTo("/api/timetable/feeds/" + token + ".ics");
        assertThat(FeedTokens.wellFormed("../../etc/passwd")).isFalse();
        assertThat(FeedTokens.wellFormed(token + "x")).isFalse();
        assertThat(FeedTokens.wellFormed(null)).isFalse();
    }
}
