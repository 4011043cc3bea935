package fr.ent.notification.push;

import fr.ent.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VapidIdentityTest {

    static final String PUBLIC = "BMG1eWtR6G0k6L7oPK-2FF_y6guAfqvOc2q3FY98F4P8ySEXGNSTxY1nF1jzAnsXa9oqgJhDzDhC9wGjVlIaIi4";
    static final String PRIVATE = "tzQX0nt9LQNTU78GfNXNw1IoMnTJxTR8t9LwdChuXGc";

    @Test
    void without_keys_push_is_off_and_the_public_key_is_a_404_in_french() {
        VapidIdentity vapid = new VapidIdentity(config(null, null, "mailto:x@ent.example"));
        assertThat(vapid.enabled()).isFalse();
        assertThatThrownBy(vapid::publicKey).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.getMessage()).contains("Notifications push non configurées");
        });
        assertThat(new VapidIdentity(config("", " ", "mailto:x@ent.example")).enabled()).isFalse();
    }

    @Test
    void a_configured_pair_turns_push_on() {
        VapidIdentity vapid = new VapidIdentity(config(PUBLIC, PRIVATE, "mailto:x@ent.example"));
        assertThat(vapid.enabled()).isTrue();
        assertThat(vapid.publicKey()).isEqualTo(PUBLIC);
    }

    @Test
    void half_a_pair_a_broken_key_or_a_subject_that_is_no_contact_stops_the_start_with_the_fix() {
        assertThatThrownBy(() -> new VapidIdentity(config(PUBLIC, null, "mailto:x@ent.example")))
                .hasMessageContaining("set both or neither");
        assertThatThrownBy(() -> new VapidIdentity(config(PUBLIC, "AAAA", "mailto:x@ent.example")))
                .hasMessageContaining("not a P-256 pair");
        assertThatThrownBy(() -> new VapidIdentity(config(PUBLIC, PRIVATE, "ent.example")))
                .hasMessageContaining("mailto: or https:");
    }

    static PushConfig config(String publicKey, String privateKey, String subject) {
        return new PushConfig() {
            public Vapid vapid() {
                return new Vapid() {
                    public Optional<String> publicKey() {
                        return Optional.ofNullable(publicKey);
                    }

                    public Optional<String> privateKey() {
                        return Optional.ofNullable(privateKey);
                    }

                    public String subject() {
                        return subject;
                    }
                };
            }

            public boolean allowLoopbackHttp() {
                return false;
            }

            public Duration ttl() {
                return Duration.ofHours(12);
            }

            public int maxAttempts() {
                return 5;
            }

            public Duration backoff() {
                return Duration.ofSeconds(30);
            }

            public String every() {
                return "1s";
            }

            public int batchSize() {
                return 50;
            }

            public Duration timeout() {
                return Duration.ofSeconds(10);
            }

            public int maxDevices() {
                return 10;
            }
        };
    }
}
