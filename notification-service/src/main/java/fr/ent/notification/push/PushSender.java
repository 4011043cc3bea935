package fr.ent.notification.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.interaso.webpush.WebPush;
import fr.ent.notification.email.DeliveryRepository;
import fr.ent.notification.email.DeliveryStatus;
import fr.ent.notification.push.PushDeliveries.Due;
import fr.ent.notification.push.PushSubscriptionRepository.Target;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works through the push rows of the delivery table like {@code EmailSender}: each delivery is
 * claimed with {@code for update skip locked} in its own transaction, pushed to every device of its
 * recipient, and settled in that same transaction, so two instances or a restart never push a row
 * twice once it is settled. A push service answering 404 or 410 forgets that device; 429, 5xx or no
 * answer retry the delivery with a doubling backoff; another 4xx fails it for that device.
 * (A retry pushes again to the devices that already had it: same {@code tag}, so the browser
 * replaces the notification rather than showing two.)
 */
@ApplicationScoped
public class PushSender {

    private static final Logger LOG = Logger.getLogger(PushSender.class);
    /** Types that reach a phone at once even when it saves battery (RFC 8030 Urgency). */
    static final Set<String> HIGH_URGENCY = Set.of("absence", "early-departure");
    /** A push service takes 4,096 bytes of encrypted body; keep the JSON well under. */
    static final int MAX_BODY_CHARS = 1000;

    /** What one device's push service answered. */
    enum Outcome { SENT, GONE, RETRY, REJECTED }

    private final PushDeliveries pushes;
    private final DeliveryRepository deliveries;
    private final PushSubscriptionRepository subscriptions;
    private final VapidIdentity vapid;
    private final PushConfig config;
    private final Clock clock;
    private final ObjectMapper json;
    private final HttpClient http;

    PushSender(PushDeliveries pushes, DeliveryRepository deliveries, PushSubscriptionRepository subscriptions, VapidIdentity vapid,
               PushConfig config, Clock clock, ObjectMapper json) {
        this.pushes = pushes;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.vapid = vapid;
        this.config = config;
        this.clock = clock;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${ent.push.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        if (!vapid.enabled()) {
            return;
        }
        int budget = config.batchSize();
        while (budget-- > 0 && Boolean.TRUE.equals(QuarkusTransaction.requiringNew().call(this::sendOne))) {
            // next one
        }
    }

    /** Pushes one due delivery to its recipient's devices; false when none is due. Call it in a transaction of its own. */
    public boolean sendOne() {
        Optional<Due> claimed = pushes.claimNextDue(clock.instant());
        if (claimed.isEmpty()) {
            return false;
        }
        Due d = claimed.get();
        List<Target> targets = subscriptions.targetsOf(d.recipient());
        if (targets.isEmpty()) {
            deliveries.settle(List.of(d.id()), DeliveryStatus.SKIPPED, "no push device", null);
            return true;
        }
        byte[] payload = payload(d);
        WebPush.Urgency urgency = HIGH_URGENCY.contains(d.type()) ? WebPush.Urgency.High : WebPush.Urgency.Normal;
        List<String> errors = new ArrayList<>();
        boolean sent = false;
        boolean retry = false;
        boolean rejected = false;
        for (Target t : targets) {
            Outcome o = push(t, payload, urgency, errors);
            switch (o) {
                case SENT -> {
                    sent = true;
                    subscriptions.succeeded(t.id(), clock.instant());
                }
                case GONE -> subscriptions.forget(t.id());
                case RETRY -> retry = true;
                case REJECTED -> rejected = true;
            }
        }
        String error = errors.isEmpty() ? null : String.join("; ", errors);
        int attempts = d.attempts() + 1;
        if (retry && attempts < config.maxAttempts()) {
            Duration wait = config.backoff().multipliedBy(1L << Math.min(attempts - 1, 16));
            LOG.infof("push delivery %d: %s (attempt %d), retry in %s", d.id(), error, attempts, wait);
            deliveries.retryLater(List.of(d.id()), error, clock.instant().plus(wait));
        } else if (sent) {
            deliveries.settle(List.of(d.id()), DeliveryStatus.SENT, error, clock.instant());
        } else if (!retry && !rejected) {
            // every device had gone away: nothing left to send to
            deliveries.settle(List.of(d.id()), DeliveryStatus.SKIPPED, error, null);
        } else {
            LOG.warnf("push delivery %d failed %d times, giving up: %s", d.id(), attempts, error);
            deliveries.settle(List.of(d.id()), DeliveryStatus.FAILED, error, null);
        }
        return true;
    }

    private Outcome push(Target t, byte[] payload, WebPush.Urgency urgency, List<String> errors) {
        String where = URI.create(t.endpoint()).getHost();
        try {
            WebPush webPush = vapid.webPush();
            byte[] body = webPush.getBody(payload, PushSubscriptions.base64Url(t.p256dh()), PushSubscriptions.base64Url(t.auth()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(t.endpoint())).timeout(config.timeout())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            webPush.getHeaders(t.endpoint(), (int) config.ttl().toSeconds(), null, urgency).forEach(request::setHeader);
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return Outcome.SENT;
            }
            if (status == 404 || status == 410) {
                errors.add(where + " " + status + ": device gone, forgotten");
                return Outcome.GONE;
            }
            errors.add(where + " " + status);
            return status == 429 || status >= 500 ? Outcome.RETRY : Outcome.REJECTED;
        } catch (IOException e) {
            errors.add(where + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return Outcome.RETRY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add(where + " interrupted");
            return Outcome.RETRY;
        }
    }

    /** The notification as the service worker shows it: French, what the inbox shows and no more. */
    byte[] payload(Due d) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("title", d.title());
        p.put("body", d.body().length() > MAX_BODY_CHARS ? d.body().substring(0, MAX_BODY_CHARS - 1) + "…" : d.body());
        p.put("url", d.link() == null ? "/" : d.link());
        p.put("tag", d.eventId().toString());
        try {
            return json.writeValueAsString(p).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
