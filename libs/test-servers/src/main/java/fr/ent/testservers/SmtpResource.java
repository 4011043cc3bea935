package fr.ent.testservers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A service test that sends e-mail says so in one line:
 * {@code @QuarkusTestResource(SmtpResource.class)}. Starts the shared SMTP server of the JVM and
 * points the Quarkus mailer at it (really sending, not the mock mailbox); tests read what arrived
 * with {@code Smtp.shared().messages()}.
 */
public class SmtpResource implements QuarkusTestResourceLifecycleManager {

    public static final String FROM = "ENT <ne-pas-repondre@ent.example>";

    @Override
    public Map<String, String> start() {
        Smtp smtp = Smtp.shared();
        return Map.of(
                "quarkus.mailer.host", smtp.host(),
                "quarkus.mailer.port", Integer.toString(smtp.port()),
                "quarkus.mailer.from", FROM,
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                // One connection per e-mail: none left idle in the pool for the server to drop.
                "quarkus.mailer.keep-alive", "false");
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM: the server stops when the JVM ends.
    }
}
