package fr.ent.timetable.feed;

import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.lesson.OccurrenceState;
import fr.ent.timetable.week.Names;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a feed (RFC 5545) with ical4j: one VEVENT per occurrence (no RRULE, so no EXDATE: each
 * occurrence has its own stable UID and its own state), times in {@code TZID=Europe/Paris} with the
 * zone's VTIMEZONE, cancelled occurrences as {@code STATUS:CANCELLED}, moved ones at their new time.
 * Texts in French: SUMMARY the subject (and the child, for a guardian), LOCATION the room,
 * DESCRIPTION the teachers, classes, what changed and the video-class link.
 */
public final class FeedCalendar {

    static final String ZONE = "Europe/Paris";
    private static final ZoneId PARIS = ZoneId.of(ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    private static final VTimeZone PARIS_VTIMEZONE = ZONES.getTimeZone(ZONE).getVTimeZone();

    /** One occurrence in the feed; {@code child} for a guardian's feed (null otherwise). */
    public record Entry(Occurrence occurrence, UUID childId, String child) {
    }

    private FeedCalendar() {
    }

    /** The stable UID of an entry: the occurrence's id, and the child's for a guardian (two children, one lesson: two events). */
    public static String uid(Entry e) {
        return e.occurrence().id() + (e.childId() == null ? "" : "." + e.childId()) + "@ent";
    }

    public static String write(String name, List<Entry> entries, Names.Of names, Instant stamp) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//ENT//Emploi du temps//FR"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", ZONE));
        calendar.add(PARIS_VTIMEZONE);
        for (Entry e : entries) {
            calendar.add(event(e, names, stamp));
        }
        StringWriter out = new StringWriter();
        try {
            // Not validating: ical4j's validation rejects nothing we write, and costs a pass per event.
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(Entry e, Names.Of names, Instant stamp) {
        Occurrence o = e.occurrence();
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(e)));
        event.add(new DtStamp(stamp));
        event.add(new DtStart<>(ZonedDateTime.of(o.date(), o.startsAt(), PARIS)));
        event.add(new DtEnd<>(ZonedDateTime.of(o.date(), o.endsAt(), PARIS)));
        event.add(new Summary(e.child() == null ? o.subject() : o.subject() + " — " + e.child()));
        if (o.roomId() != null && names.rooms().containsKey(o.roomId())) {
            event.add(new Location(names.rooms().get(o.roomId())));
        }
        event.add(new Description(description(o, names)));
        event.add(o.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (o.remoteLink() != null) {
            event.add(new Url(URI.create(o.remoteLink())));
        }
        return event;
    }

    static String description(Occurrence o, Names.Of names) {
        List<String> lines = new ArrayList<>();
        for (OccurrenceState change : o.changes()) {
            lines.add(switch (change) {
                case CANCELLED -> "Annulé";
                case MOVED -> "Déplacé (prévu le " + DAY.format(o.planned().date()) + " à " + o.planned().startsAt() + ")";
                case ROOM_CHANGED -> "Salle changée" + (o.planned().roomId() == null ? ""
                        : " (prévue : " + names.rooms().getOrDefault(o.planned().roomId(), "?") + ")");
                case SUBSTITUTE -> "Remplacement : " + teachers(o.teacherIds(), names) + " remplace "
                        + teachers(o.planned().teacherIds(), names);
                default -> change.name();
            });
        }
        if (o.state() == OccurrenceState.ADDED) {
            lines.add(0, "Cours ajouté");
        }
        lines.add((o.teacherIds().size() > 1 ? "Enseignants : " : "Enseignant : ") + teachers(o.teacherIds(), names));
        String classes = o.classIds().stream().map(id -> names.classes().getOrDefault(id, "")).filter(n -> !n.isEmpty())
                .collect(Collectors.joining(", "));
        String groupNames = o.groupIds().stream().map(id -> names.classes().getOrDefault(id, "")).filter(n -> !n.isEmpty())
                .collect(Collectors.joining(", "));
        if (!classes.isEmpty()) {
            lines.add("Classe : " + classes);
        }
        if (!groupNames.isEmpty()) {
            lines.add("Groupe : " + groupNames);
        }
        if (o.remoteLink() != null) {
            lines.add("Classe virtuelle : " + o.remoteLink());
        }
        return String.join("\n", lines);
    }

    private static String teachers(List<UUID> ids, Names.Of names) {
        return ids.stream().map(names::teacher).filter(n -> !n.isEmpty()).collect(Collectors.joining(", "));
    }
}
