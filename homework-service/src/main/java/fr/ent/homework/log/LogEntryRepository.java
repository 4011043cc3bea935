package fr.ent.homework.log;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LogEntryRepository implements PanacheRepositoryBase<LogEntry, UUID> {

    /** The class's entries over the days, published ones and the caller's own drafts. */
    public List<LogEntry> ofClass(UUID classGroupId, LocalDate from, LocalDate to, UUID draftsOf) {
        return list("classGroupId = ?1 and lessonOn >= ?2 and lessonOn <= ?3 and (published = true or teacherId = ?4) "
                + "order by lessonOn, subject, createdAt", classGroupId, from, to, draftsOf);
    }

    /** A teacher's published entries for a class up to a day (what a visa covers). */
    public long publishedBy(UUID teacherId, UUID classGroupId, LocalDate upTo) {
        return count("teacherId = ?1 and classGroupId = ?2 and lessonOn <= ?3 and published = true", teacherId, classGroupId, upTo);
    }

    /** The entries of these timetable occurrences: published ones and the drafts of {@code draftsOf}. */
    public List<LogEntry> ofOccurrences(List<String> occurrenceIds, UUID draftsOf) {
        return occurrenceIds.isEmpty() ? List.of()
                : list("occurrenceId in ?1 and (published = true or teacherId = ?2) order by createdAt", occurrenceIds, draftsOf);
    }
}
