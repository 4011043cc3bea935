package fr.ent.notification.recipients;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.events.PoisonEventException;
import fr.ent.notification.NotificationConfig;
import fr.ent.notification.quiethours.QuietHours;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** What notifiers ask the directory about a pupil and their school. */
@ApplicationScoped
public class Pupils {

    private final Directory directory;
    private final NotificationConfig config;

    private final QuietHours quietHours;

    Pupils(Directory directory, NotificationConfig config, QuietHours quietHours) {
        this.directory = directory;
        this.config = config;
        this.quietHours = quietHours;
    }

    public Directory directory() {
        return directory;
    }

    /** The pupil's first name (« votre enfant » while the directory does not know them yet). */
    public String firstName(UUID pupil) {
        return directory.person(pupil).map(DirectoryPerson::firstName).filter(n -> !n.isBlank()).orElse("votre enfant");
    }

    public Optional<DirectoryPerson> person(UUID pupil) {
        return directory.person(pupil);
    }

    public ZoneId zoneOf(UUID school) {
        return quietHours.of(school).zone();
    }

    /** The level of the class (e.g. {@code 2NDE}), if known. */
    public Optional<String> levelOf(UUID classId) {
        return Optional.ofNullable(classId).flatMap(directory::classGroup).map(g -> g.level());
    }

    static UUID required(UUID value, String field) {
        if (value == null) {
            throw new PoisonEventException("payload without " + field);
        }
        return value;
    }
}
