package fr.ent.timetable.feed;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.timetable.lesson.Occurrence;
import fr.ent.timetable.remote.RemoteLinks;
import fr.ent.timetable.week.Names;
import fr.ent.timetable.week.WeekService;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Private iCalendar feeds. Each person has at most one: creating it again replaces (revokes) the
 * old one. The feed itself is read without signing in, by whoever holds the URL: the person's own
 * weeks only (a pupil's lessons, each child's for a guardian, a teacher's in every school). A
 * request costs a bounded number of queries: the token, the person, then per pupil (at most
 * {@code timetable.feed.max-children} children) their enrolments and lessons, then one query for
 * the links and three for the names.
 */
@ApplicationScoped
public class FeedService {

    /** Whether the caller has a feed, and since when (the URL itself is shown once, when created). */
    public record Status(boolean active, OffsetDateTime createdAt) {
    }

    /** A new feed: its URL (absolute path), shown this once. */
    public record Link(String url, OffsetDateTime createdAt) {
    }

    private final Jdbc jdbc;
    private final CurrentUser user;
    private final Directory directory;
    private final WeekService weeks;
    private final RemoteLinks links;
    private final Names names;
    private final SchoolClock clock;
    private final FeedConfig config;

    public FeedService(Jdbc jdbc, CurrentUser user, Directory directory, WeekService weeks, RemoteLinks links, Names names,
                       SchoolClock clock, FeedConfig config) {
        this.jdbc = jdbc;
        this.user = user;
        this.directory = directory;
        this.weeks = weeks;
        this.links = links;
        this.names = names;
        this.clock = clock;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Status status() {
        return jdbc.one("select created_at from feed_token where person_id = ?",
                        rs -> new Status(true, rs.getObject("created_at", OffsetDateTime.class)), me())
                .orElse(new Status(false, null));
    }

    /** A new token for the caller; the old one, if any, stops working. */
    @Transactional
    public Link rotate() {
        String token = FeedTokens.newToken();
        OffsetDateTime now = clock.now();
        jdbc.update("""
                insert into feed_token (person_id, token_hash, created_at) values (?, ?, ?)
                on conflict (person_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at""",
                me(), FeedTokens.hash(token), now);
        return new Link(FeedTokens.url(token), now);
    }

    @Transactional
    public void revoke() {
        jdbc.update("delete from feed_token where person_id = ?", me());
    }

    /** The feed of that token, or empty when the token is unknown, revoked or its person gone (all a 404). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> feed(String token) {
        if (!FeedTokens.wellFormed(token)) {
            return Optional.empty();
        }
        Optional<UUID> owner = jdbc.one("select person_id from feed_token where token_hash = ?",
                rs -> Jdbc.uuid(rs, "person_id"), (Object) FeedTokens.hash(token));
        return owner.flatMap(directory::person).filter(DirectoryPerson::active).map(this::feedOf);
    }

    private String feedOf(DirectoryPerson person) {
        LocalDate monday = clock.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate from = monday.minusWeeks(config.weeksBefore());
        LocalDate to = monday.plusWeeks(config.weeksAfter()).plusDays(6);
        List<FeedCalendar.Entry> entries = new ArrayList<>();
        switch (person.role()) {
            case PUPIL -> weeks.ofPupil(person.id(), from, to).forEach(o -> entries.add(new FeedCalendar.Entry(o, null, null)));
            case PARENT -> {
                List<UUID> children = directory.childrenOf(person.id()).stream().sorted().limit(config.maxChildren()).toList();
                Map<UUID, DirectoryPerson> people = directory.people(children);
                for (UUID child : children) {
                    String firstName = Optional.ofNullable(people.get(child)).map(DirectoryPerson::firstName).orElse("");
                    weeks.ofPupil(child, from, to).forEach(o -> entries.add(new FeedCalendar.Entry(o, child, firstName)));
                }
            }
            case TEACHER, STAFF -> weeks.ofTeacher(person.id(), person.schoolIds(), from, to)
                    .forEach(o -> entries.add(new FeedCalendar.Entry(o, null, null)));
            default -> {
            }
        }
        // Every occurrence of one's own feed is one's own lesson (or a child's): its link is shown.
        List<Occurrence> occurrences = entries.stream().map(FeedCalendar.Entry::occurrence).toList();
        Map<String, String> linked = links.of(occurrences);
        List<FeedCalendar.Entry> withLinks = entries.stream()
                .map(e -> linked.containsKey(e.occurrence().id())
                        ? new FeedCalendar.Entry(e.occurrence().withRemoteLink(linked.get(e.occurrence().id())), e.childId(), e.child())
                        : e)
                .sorted(Comparator.comparing((FeedCalendar.Entry e) -> e.occurrence().date())
                        .thenComparing(e -> e.occurrence().startsAt()).thenComparing(FeedCalendar::uid))
                .toList();
        return FeedCalendar.write("Emploi du temps — " + person.firstName() + " " + person.lastName(), withLinks,
                names.of(occurrences), clock.instant());
    }

    private UUID me() {
        if (!user.isPerson()) {
            throw Problems.forbidden("Un calendrier personnel appartient à une personne.");
        }
        return user.personId();
    }
}
