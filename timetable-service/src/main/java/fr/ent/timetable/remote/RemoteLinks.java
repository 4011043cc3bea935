package fr.ent.timetable.remote;

import fr.ent.timetable.lesson.Occurrence;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The video-class links of occurrences. They are shown only to the pupils of the lesson, their
 * guardians and its teachers (a substitute included): callers decide who sees them; links are never
 * part of events, of room views, or of what staff and colleagues read.
 */
@ApplicationScoped
public class RemoteLinks {

    private final Jdbc jdbc;

    public RemoteLinks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The links of these occurrences, by occurrence id: one query whatever their number. */
    public Map<String, String> of(Collection<Occurrence> occurrences) {
        Map<String, String> links = new HashMap<>();
        if (occurrences.isEmpty()) {
            return links;
        }
        LocalDate first = occurrences.stream().map(Occurrence::plannedDate).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = occurrences.stream().map(Occurrence::plannedDate).max(Comparator.naturalOrder()).orElseThrow();
        List<UUID> lessons = occurrences.stream().map(Occurrence::lessonId).distinct().toList();
        jdbc.query("select lesson_id, planned_date, url from occurrence_link where lesson_id = any(?) and planned_date between ? and ?",
                rs -> links.put(Occurrence.id(Jdbc.uuid(rs, "lesson_id"), rs.getObject("planned_date", LocalDate.class)),
                        rs.getString("url")),
                new Jdbc.UuidArray(lessons), first, last);
        return links;
    }

    /** The occurrences with their links filled in where {@code shows} says the reader may see them. */
    public List<Occurrence> shown(List<Occurrence> occurrences, java.util.function.Predicate<Occurrence> shows) {
        List<Occurrence> visible = occurrences.stream().filter(shows).toList();
        if (visible.isEmpty()) {
            return occurrences;
        }
        Map<String, String> links = of(visible);
        return occurrences.stream().map(o -> links.containsKey(o.id()) && shows.test(o) ? o.withRemoteLink(links.get(o.id())) : o)
                .toList();
    }

    void set(UUID lessonId, List<LocalDate> plannedDates, String url, UUID by, OffsetDateTime at) {
        jdbc.batch("""
                insert into occurrence_link (lesson_id, planned_date, url, set_by, set_at) values (?, ?, ?, ?, ?)
                on conflict (lesson_id, planned_date) do update set url = excluded.url, set_by = excluded.set_by, set_at = excluded.set_at""",
                plannedDates.stream().map(d -> new Object[]{lessonId, d, url, by, at}).toList());
    }

    void remove(UUID lessonId, List<LocalDate> plannedDates) {
        jdbc.update("delete from occurrence_link where lesson_id = ? and planned_date = any(?)", lessonId,
                new Jdbc.SqlArray("date", plannedDates));
    }
}
