package fr.ent.notification.recipients;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.events.IncomingEvent;
import fr.ent.events.PoisonEventException;
import fr.ent.notification.notice.Notice;
import fr.ent.notification.quiethours.QuietHours;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What notifiers ask the directory about a pupil and their school. Runs in the consumer's
 * transaction; a pupil's person and guardians are read once per transaction (one batch of events).
 */
@ApplicationScoped
public class Pupils {

    private final Directory directory;
    private final QuietHours quietHours;
    private final PupilsReadInThisTransaction read;

    Pupils(Directory directory, QuietHours quietHours, PupilsReadInThisTransaction read) {
        this.directory = directory;
        this.quietHours = quietHours;
        this.read = read;
    }

    public Directory directory() {
        return directory;
    }

    /** Reads these pupils' persons and guardians in two queries, for the notifiers that will ask. */
    public void readAhead(Collection<UUID> pupils) {
        List<UUID> unread = pupils.stream().distinct().filter(p -> !read.people.containsKey(p)).toList();
        if (unread.isEmpty()) {
            return;
        }
        Map<UUID, DirectoryPerson> people = directory.people(unread);
        Map<UUID, Set<UUID>> guardians = directory.guardiansReceivingCommunications(unread);
        for (UUID pupil : unread) {
            read.people.put(pupil, Optional.ofNullable(people.get(pupil)));
            read.guardians.put(pupil, guardians.getOrDefault(pupil, Set.of()));
        }
    }

    /** The pupil's first name (« votre enfant » while the directory does not know them yet). */
    public String firstName(UUID pupil) {
        return person(pupil).map(DirectoryPerson::firstName).filter(n -> !n.isBlank()).orElse("votre enfant");
    }

    public Optional<DirectoryPerson> person(UUID pupil) {
        return read.people.computeIfAbsent(pupil, directory::person);
    }

    /** The guardians to whom school communications about the pupil go. */
    public Set<UUID> guardiansReceivingCommunications(UUID pupil) {
        return read.guardians.computeIfAbsent(pupil, directory::guardiansReceivingCommunications);
    }

    /** The notice, to each guardian who receives school communications about the pupil. */
    public List<Notice> toGuardians(UUID pupil, Notice notice) {
        return guardiansReceivingCommunications(pupil).stream().map(notice::to).toList();
    }

    public ZoneId zoneOf(UUID school) {
        return quietHours.of(school).zone();
    }

    /** The level of the class (e.g. {@code 2NDE}), if known. */
    public Optional<String> levelOf(UUID classId) {
        return Optional.ofNullable(classId).flatMap(directory::classGroup).map(g -> g.level());
    }

    /** The school the payload names, else the event's ({@code ce_schoolid}). */
    static UUID schoolOf(UUID fromPayload, IncomingEvent event) {
        return fromPayload != null ? fromPayload : event.schoolId();
    }

    static UUID required(UUID value, String field) {
        if (value == null) {
            throw new PoisonEventException("payload without " + field);
        }
        return value;
    }
}
