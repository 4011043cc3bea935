package fr.ent.notification.push;

import com.interaso.webpush.VapidKeys;
import com.interaso.webpush.WebPush;
import fr.ent.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * This platform's VAPID key pair, read once from the configuration. Without keys push is off:
 * {@link #enabled()} is false, nothing is queued and the public key is a 404.
 */
@ApplicationScoped
public class VapidIdentity {

    private final Optional<WebPush> webPush;
    private final String publicKey;

    VapidIdentity(PushConfig config) {
        Optional<String> pub = config.vapid().publicKey().filter(k -> !k.isBlank());
        Optional<String> priv = config.vapid().privateKey().filter(k -> !k.isBlank());
        if (pub.isPresent() != priv.isPresent()) {
            throw new IllegalStateException("ent.push.vapid.public-key and ent.push.vapid.private-key go together: set both or neither");
        }
        if (pub.isEmpty()) {
            this.webPush = Optional.empty();
            this.publicKey = null;
            return;
        }
        if (!config.vapid().subject().startsWith("mailto:") && !config.vapid().subject().startsWith("https:")) {
            throw new IllegalStateException("ent.push.vapid.subject must be a mailto: or https: URL (RFC 8292)");
        }
        VapidKeys keys;
        try {
            keys = VapidKeys.fromUncompressedBytes(pub.get().trim(), priv.get().trim());
        } catch (RuntimeException e) {
            throw new IllegalStateException("ent.push.vapid keys are not a P-256 pair in base64url (raw 65-byte public, 32-byte private): "
                    + e.getMessage(), e);
        }
        this.webPush = Optional.of(new WebPush(config.vapid().subject(), keys));
        this.publicKey = pub.get().trim();
    }

    public boolean enabled() {
        return webPush.isPresent();
    }

    /** The public key for the browser's {@code applicationServerKey} (base64url); 404 when push is off. */
    public String publicKey() {
        if (!enabled()) {
            throw notConfigured();
        }
        return publicKey;
    }

    /** Encrypts (RFC 8291) and signs (RFC 8292); only while {@link #enabled()}. */
    WebPush webPush() {
        return webPush.orElseThrow(VapidIdentity::notConfigured);
    }

    static ProblemException notConfigured() {
        return new ProblemException(404, "push-not-configured", "Push not configured", "Notifications push non configurées", null);
    }
}
