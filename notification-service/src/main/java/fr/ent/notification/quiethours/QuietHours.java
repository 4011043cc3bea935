package fr.ent.notification.quiethours;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectorySchool;
import fr.ent.notification.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The quiet hours of a school (its own choice, else the configured national guidance, in its time
 * zone), and the quiet slots each person may add for themselves (right to disconnect).
 */
@ApplicationScoped
public class QuietHours {

    private final QuietHoursRepository repository;
    private final Directory directory;
    private final NotificationConfig config;

    QuietHours(QuietHoursRepository repository, Directory directory, NotificationConfig config) {
        this.repository = repository;
        this.directory = directory;
        this.config = config;
    }

    /** A school's rule and zone, ready to defer many deliveries. */
    public record Schedule(QuietHoursRule rule, ZoneId zone) {
        public Instant deferUntil(Instant at) {
            return rule.deferUntil(at, zone);
        }

        /** The next daily digest time after {@code at}, itself moved out of quiet hours. */
        public Instant nextDigest(Instant at, LocalTime digestAt) {
            var local = at.atZone(zone);
            var candidate = local.toLocalDate().atTime(digestAt).atZone(zone);
            if (!candidate.toInstant().isAfter(at)) {
                candidate = local.toLocalDate().plusDays(1).atTime(digestAt).atZone(zone);
            }
            return deferUntil(candidate.toInstant());
        }
    }

    /** Per school, for a short while: read on every event, changed a few times a year. */
    private record Cached(Schedule schedule, long until) {
    }

    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private final java.util.Map<UUID, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** The school's quiet hours and zone; another instance's change is seen within 30 s. */
    public Schedule of(UUID schoolId) {
        if (schoolId == null) {
            return load(null);
        }
        long now = System.nanoTime();
        Cached c = cache.get(schoolId);
        if (c == null || now - c.until() > 0) {
            c = new Cached(load(schoolId), now + CACHE_NANOS);
            cache.put(schoolId, c);
        }
        return c.schedule();
    }

    private Schedule load(UUID schoolId) {
        ZoneId zone = Optional.ofNullable(schoolId).flatMap(directory::school).map(DirectorySchool::zoneId)
                .orElse(ZoneId.of(config.quietHours().defaultTimeZone()));
        return new Schedule(ruleOf(schoolId), zone);
    }

    /** The school's own rule, else the configured national guidance. */
    public QuietHoursRule ruleOf(UUID schoolId) {
        var national = config.quietHours();
        return Optional.ofNullable(schoolId).flatMap(repository::chosenBy)
                .orElseGet(() -> new QuietHoursRule(national.eveningStart(), national.morningEnd(), national.weekend()));
    }

    /** The own quiet slots of each of these people ({@link PersonQuietSlots#NONE} for who chose none). */
    public Map<UUID, PersonQuietSlots> slotsOf(Collection<UUID> people) {
        Map<UUID, PersonQuietSlots> result = new HashMap<>();
        repository.slotsOf(people).forEach((person, slots) -> result.put(person, new PersonQuietSlots(slots)));
        return result;
    }

    /** A person replaces their own quiet slots. */
    @Transactional
    public void chooseSlots(UUID person, List<QuietSlot> slots) {
        repository.chooseSlots(person, slots);
    }

    public void choose(UUID schoolId, QuietHoursRule rule) {
        repository.choose(schoolId, rule);
        cache.remove(schoolId);
    }
}
