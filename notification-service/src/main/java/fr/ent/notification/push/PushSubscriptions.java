package fr.ent.notification.push;

import fr.ent.notification.push.PushSubscriptionRepository.Device;
import fr.ent.web.problem.Problem;
import fr.ent.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The devices people turn push on for. What a browser's {@code PushSubscription} gives is checked
 * before anything is stored: a push service URL over https, the device's P-256 public key and its
 * 16-byte auth secret; anything else is a 422 naming the field, in French.
 */
@ApplicationScoped
public class PushSubscriptions {

    /** What the browser's {@code PushSubscription.toJSON()} gives, plus an optional label for the list of devices. */
    public record Subscription(String endpoint, Long expirationTime, Keys keys, String label) {
    }

    public record Keys(String p256dh, String auth) {
    }

    static final int MAX_ENDPOINT = 2048;
    static final int MAX_LABEL = 100;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

    private final PushSubscriptionRepository repository;
    private final VapidIdentity vapid;
    private final PushConfig config;
    private final Clock clock;

    PushSubscriptions(PushSubscriptionRepository repository, VapidIdentity vapid, PushConfig config, Clock clock) {
        this.repository = repository;
        this.vapid = vapid;
        this.config = config;
        this.clock = clock;
    }

    /** Registers (or refreshes) one of the person's devices; {@code userAgent} names it when the body gives no label. */
    @Transactional
    public Device register(UUID person, Subscription s, String userAgent) {
        if (!vapid.enabled()) {
            throw VapidIdentity.notConfigured();
        }
        if (s == null) {
            throw invalid("endpoint", "abonnement manquant");
        }
        String endpoint = checkedEndpoint(s.endpoint());
        if (s.keys() == null) {
            throw invalid("keys.p256dh", "clé manquante");
        }
        String p256dh = checkedKey("keys.p256dh", s.keys().p256dh(), 65, "clé publique P-256 (65 octets) attendue en base64url");
        if (base64Url(p256dh)[0] != 0x04) {
            throw invalid("keys.p256dh", "clé publique P-256 non compressée (65 octets commençant par 0x04) attendue");
        }
        String auth = checkedKey("keys.auth", s.keys().auth(), 16, "secret de 16 octets attendu en base64url");
        String label = labelOf(s.label(), userAgent);
        var at = clock.instant();
        repository.register(person, endpoint, p256dh, auth, label, at, config.maxDevices());
        return repository.devicesOf(person).stream().filter(d -> d.endpoint().equals(endpoint)).findFirst()
                .orElseGet(() -> new Device(endpoint, label, at, null));
    }

    /** Forgets one of the person's devices; someone else's endpoint is a 404 like an unknown one. */
    @Transactional
    public void forget(UUID person, String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw invalid("endpoint", "adresse de l'appareil manquante");
        }
        if (!repository.forget(person, endpoint)) {
            throw new ProblemException(404, "not-found", "Resource not found", "Aucun appareil abonné à cette adresse", null);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Device> devicesOf(UUID person) {
        return repository.devicesOf(person);
    }

    private String checkedEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw invalid("endpoint", "adresse du service de notification manquante");
        }
        if (endpoint.length() > MAX_ENDPOINT) {
            throw invalid("endpoint", "adresse trop longue (au plus " + MAX_ENDPOINT + " caractères)");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw invalid("endpoint", "adresse invalide");
        }
        boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
        boolean loopback = config.allowLoopbackHttp() && "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        if (!https && !loopback || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw invalid("endpoint", "adresse https:// d'un service de notification attendue");
        }
        return endpoint;
    }

    private static String checkedKey(String field, String value, int bytes, String expected) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "clé manquante");
        }
        String unpadded = value.replaceAll("=+$", "");
        byte[] decoded;
        try {
            decoded = base64Url(unpadded);
        } catch (IllegalArgumentException e) {
            throw invalid(field, expected);
        }
        if (decoded.length != bytes) {
            throw invalid(field, expected);
        }
        return unpadded;
    }

    static byte[] base64Url(String value) {
        return Base64.getUrlDecoder().decode(value);
    }

    private static String labelOf(String label, String userAgent) {
        String given = label != null && !label.isBlank() ? label : userAgent;
        // a name to show, nothing more: control characters (NUL included, which PostgreSQL refuses) go
        String l = given == null ? null : given.replaceAll("\\p{Cntrl}", " ").strip();
        if (l == null || l.isEmpty()) {
            return null;
        }
        return l.length() > MAX_LABEL ? l.substring(0, MAX_LABEL) : l;
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(422, "invalid-push-subscription", "Invalid push subscription", field + " : " + message,
                List.of(new Problem.FieldError(field, message)));
    }
}
