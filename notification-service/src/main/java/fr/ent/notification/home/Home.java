package fr.ent.notification.home;

import fr.ent.notification.recipients.Homework;
import fr.ent.notification.recipients.Marks;
import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The home's read side: what one person's home shows, for the pupils they may see (decided by
 * {@link HomeService} through Relationships), in a handful of queries whatever the number of
 * children: one per table for all of them, plus the person's own counts.
 */
@ApplicationScoped
public class Home {

    /** Work due from today to this many days ahead. */
    static final int WORK_DAYS = 7;
    /** The latest marks shown per pupil. */
    static final int LATEST_MARKS = 5;
    /** Absences and lateness older than this are no longer listed to justify (the school follows them up). */
    static final int ABSENCE_DAYS = 90;

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.FRANCE);

    /** What a person's home answers in one call. */
    public record HomeView(long unreadNotifications, long unreadMessages, long broadcastsToAcknowledge, List<PupilHome> children) {
    }

    /**
     * One pupil's block: the caller's child, or the caller for a pupil. {@code schoolId}: the school
     * the pupil is enrolled in today (what is shown is that school's).
     */
    public record PupilHome(UUID id, String firstName, UUID schoolId, List<WorkDue> workDue, List<LatestMark> latestMarks,
                            List<AbsenceToJustify> absencesToJustify) {
    }

    /** « Un exercice de mathématiques pour demain. »; {@code done}: the pupil ticked it. */
    public record WorkDue(UUID workId, String subject, String kind, LocalDate dueOn, boolean done, String text, String link) {
    }

    /**
     * « Nouvelle note en mathématiques : Contrôle chapitre 3 », or « … (devoir du 3 décembre) » from an
     * older event without the title: never the mark; the link opens the marks page.
     */
    public record LatestMark(UUID assessmentId, String subject, LocalDate heldOn, boolean changed, Instant at, String text,
                             String link) {
    }

    /** An absence ({@code startsAt}–{@code endsAt}) or a lateness (on {@code date}, {@code lateMinutes}) not justified yet. */
    public record AbsenceToJustify(UUID id, String kind, Instant startsAt, Instant endsAt, LocalDate date, Integer lateMinutes) {
    }

    /** A pupil the caller may see, how (as the pupil or as a guardian), and where they are enrolled today. */
    public record Seen(UUID pupilId, String firstName, UUID schoolId, boolean asGuardian) {
    }

    private final Jdbc jdbc;

    Home(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public HomeView of(UUID person, List<Seen> pupils, Instant now, LocalDate today) {
        List<UUID> ids = pupils.stream().map(Seen::pupilId).toList();
        Map<UUID, List<WorkDue>> work = work(ids, now, today);
        Map<UUID, List<LatestMark>> marks = marks(pupils, now);
        Map<UUID, List<AbsenceToJustify>> absences = absences(ids, now);
        List<PupilHome> children = new ArrayList<>();
        for (Seen p : pupils) {
            // Only what belongs to the school the pupil is enrolled in today.
            children.add(new PupilHome(p.pupilId(), p.firstName(), p.schoolId(),
                    only(work.get(key(p.pupilId(), p.schoolId()))), only(marks.get(key(p.pupilId(), p.schoolId()))),
                    only(absences.get(key(p.pupilId(), p.schoolId())))));
        }
        Counts counts = counts(person);
        return new HomeView(counts.unreadNotifications(), counts.unreadMessages(), counts.broadcasts(), children);
    }

    private Map<UUID, List<WorkDue>> work(List<UUID> pupils, Instant now, LocalDate today) {
        Map<UUID, List<WorkDue>> byPupil = new HashMap<>();
        jdbc.query("""
                select work_id, pupil_id, school_id, subject, kind, due_on, done from home_work
                where pupil_id = any(?) and due_on between ? and ? and visible_from <= ?
                order by due_on, subject, work_id""",
                rs -> {
                    LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
                    String subject = Marks.subject(rs.getString("subject"));
                    UUID workId = Jdbc.uuid(rs, "work_id");
                    return byPupil.computeIfAbsent(key(Jdbc.uuid(rs, "pupil_id"), Jdbc.uuid(rs, "school_id")), k -> new ArrayList<>())
                            .add(new WorkDue(workId, subject, rs.getString("kind"), dueOn, rs.getBoolean("done"),
                                    Homework.dueSentence(rs.getString("kind"), subject, dueOn, today), "/travail/" + workId));
                },
                new Jdbc.UuidArray(pupils), today, today.plusDays(WORK_DAYS), now);
        return byPupil;
    }

    private Map<UUID, List<LatestMark>> marks(List<Seen> pupils, Instant now) {
        Map<UUID, List<LatestMark>> byPupil = new HashMap<>();
        List<UUID> asPupil = pupils.stream().filter(p -> !p.asGuardian()).map(Seen::pupilId).toList();
        List<UUID> asGuardian = pupils.stream().filter(Seen::asGuardian).map(Seen::pupilId).toList();
        Map<UUID, Boolean> guardianOf = new HashMap<>();
        pupils.forEach(p -> guardianOf.put(p.pupilId(), p.asGuardian()));
        // Never before the time grades-service gave: the pupil's for the pupil, the guardians' for a guardian.
        jdbc.query("""
                select * from (
                  select m.*, row_number() over (partition by pupil_id, school_id order by occurred_at desc, assessment_id) n
                  from home_mark m
                  where (pupil_id = any(?) and pupils_visible_at <= ?) or (pupil_id = any(?) and guardians_visible_at <= ?)
                ) latest where n <= ? order by occurred_at desc, assessment_id""",
                rs -> {
                    UUID pupil = Jdbc.uuid(rs, "pupil_id");
                    String subject = Marks.subject(rs.getString("subject"));
                    LocalDate heldOn = rs.getObject("held_on", LocalDate.class);
                    boolean changed = rs.getBoolean("changed");
                    String title = rs.getString("title");
                    // named as the notice names it when the event gave the title; else by its day
                    String text = title != null && !title.isBlank()
                            ? Marks.withName((changed ? "Note modifiée en " : "Nouvelle note en ") + subject, title)
                            : (changed ? "Note modifiée en " : "Nouvelle note en ") + subject
                                    + (heldOn == null ? "" : " (devoir du " + DAY_MONTH.format(heldOn) + ")");
                    String link = Boolean.TRUE.equals(guardianOf.get(pupil)) ? "/notes/" + pupil : "/notes";
                    return byPupil.computeIfAbsent(key(pupil, Jdbc.uuid(rs, "school_id")), k -> new ArrayList<>())
                            .add(new LatestMark(Jdbc.uuid(rs, "assessment_id"), subject, heldOn, changed,
                                    Jdbc.instant(rs, "occurred_at"), text, link));
                },
                new Jdbc.UuidArray(asPupil), now, new Jdbc.UuidArray(asGuardian), now, LATEST_MARKS);
        return byPupil;
    }

    private Map<UUID, List<AbsenceToJustify>> absences(List<UUID> pupils, Instant now) {
        Map<UUID, List<AbsenceToJustify>> byPupil = new HashMap<>();
        jdbc.query("""
                select entry_id, pupil_id, school_id, kind, starts_at, ends_at, late_minutes from home_absence
                where pupil_id = any(?) and not settled and starts_at >= ? order by starts_at, entry_id""",
                rs -> {
                    Instant startsAt = Jdbc.instant(rs, "starts_at");
                    boolean lateness = "LATENESS".equals(rs.getString("kind"));
                    return byPupil.computeIfAbsent(key(Jdbc.uuid(rs, "pupil_id"), Jdbc.uuid(rs, "school_id")), k -> new ArrayList<>())
                            .add(new AbsenceToJustify(Jdbc.uuid(rs, "entry_id"), rs.getString("kind"),
                                    lateness ? null : startsAt, Jdbc.instant(rs, "ends_at"),
                                    lateness ? LocalDate.ofInstant(startsAt, ZoneOffset.UTC) : null,
                                    Jdbc.integer(rs, "late_minutes")));
                },
                new Jdbc.UuidArray(pupils), now.minus(java.time.Duration.ofDays(ABSENCE_DAYS)));
        return byPupil;
    }

    private record Counts(long unreadNotifications, long unreadMessages, long broadcasts) {
    }

    /**
     * The person's own counts. messaging-service publishes no "read" nor "acknowledged" event: a
     * message counts as unread, a broadcast as to acknowledge, until its notification in this inbox
     * is read (or, with in-app notifications of that type turned off, until it leaves the read model).
     */
    private Counts counts(UUID person) {
        return jdbc.one("""
                select (select count(*) from notification where recipient_id = ? and read_at is null) notifications,
                       (select count(distinct m.item_id) from home_message m
                          left join notification n on n.event_id = m.event_id and n.recipient_id = m.recipient_id
                         where m.recipient_id = ? and m.kind = 'MESSAGE' and n.read_at is null) messages,
                       (select count(distinct m.item_id) from home_message m
                          left join notification n on n.event_id = m.event_id and n.recipient_id = m.recipient_id
                         where m.recipient_id = ? and m.kind = 'BROADCAST' and n.read_at is null
                           and not exists (select 1 from home_message r join notification rn
                                             on rn.event_id = r.event_id and rn.recipient_id = r.recipient_id
                                           where r.recipient_id = m.recipient_id and r.item_id = m.item_id
                                             and r.kind = 'BROADCAST' and rn.read_at is not null)) broadcasts""",
                rs -> new Counts(rs.getLong("notifications"), rs.getLong("messages"), rs.getLong("broadcasts")),
                person, person, person).orElseThrow();
    }

    /** Rows are filed by pupil and school: a pupil's block shows only their school of today. */
    private static UUID key(UUID pupil, UUID school) {
        return UUID.nameUUIDFromBytes((pupil + "/" + school).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static <T> List<T> only(Collection<T> rows) {
        return rows == null ? List.of() : List.copyOf(rows);
    }
}
