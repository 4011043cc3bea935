package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.testkit.SchoolWorld;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.TestTokens;
import fr.ent.timetable.calendar.PublicHolidays;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.ent.timetable.World.as;
import static fr.ent.timetable.World.weekly;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The private iCalendar feed, read back with ical4j's parser as a calendar app would; video-class
 * links shown to the lesson's pupils, guardians and teachers only; names in week views.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class FeedTest {

    @Inject
    DirectoryProjection projection;

    World w;
    LocalDate tuesday;
    LocalDate later;
    UUID maths;
    UUID history;

    @BeforeEach
    void seed() {
        w = World.create(projection, 3).withCalendar();
        tuesday = World.next(DayOfWeek.TUESDAY);
        later = tuesday.plusWeeks(1);
        while (PublicHolidays.of(later.getYear()).containsKey(later)) {
            later = later.plusWeeks(1);
        }
        maths = w.plan(weekly("Mathématiques", w.teacherA, w.classA, w.room("B12"), "M3", "WEEKLY", tuesday));
        history = w.plan(weekly("Histoire", w.teacherB, w.classB, w.room("Labo"), "S1", "WEEKLY", tuesday));
        as(w.cpeToken()).body(Map.of()).post("/api/timetable/lessons/" + maths + "/occurrences/" + tuesday + "/cancel")
                .then().statusCode(200);
    }

    static String newFeed(String token) {
        return as(token).post("/api/timetable/me/feed").then().statusCode(200).extract().path("url");
    }

    static Calendar parse(String body) throws Exception {
        return new CalendarBuilder().build(new StringReader(body));
    }

    static Calendar fetch(String url) throws Exception {
        Response r = given().get(url);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualToIgnoringCase("text/calendar; charset=utf-8");
        return parse(r.asString());
    }

    static Map<String, VEvent> byUid(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .collect(Collectors.toMap(e -> e.getUid().orElseThrow().getValue(), e -> e));
    }

    static String value(VEvent e, String property) {
        return e.getProperty(property).map(p -> p.getValue()).orElse(null);
    }

    @Test
    void a_double_lessons_event_ends_at_the_end_of_its_last_slot_in_paris_time() throws Exception {
        // S2 14:30–15:25, S3 15:35–16:30
        Map<String, Object> body = weekly("EPS", w.teacherA, w.classA, null, "S2", "WEEKLY", tuesday);
        body.put("endSlot", "S3");
        UUID eps = w.plan(body);
        String url = newFeed(w.pupilToken(0));
        String ics = given().get(url).then().statusCode(200).extract().asString();
        VEvent event = byUid(parse(ics)).get(eps + "_" + tuesday + "@ent");
        assertThat(event).as("the EPS lesson of %s", tuesday).isNotNull();
        assertThat(ZonedDateTime.from(event.getStartDate().orElseThrow().getDate()).toLocalDateTime())
                .isEqualTo(LocalDateTime.of(tuesday, java.time.LocalTime.of(14, 30)));
        ZonedDateTime end = ZonedDateTime.from(event.getEndDate().orElseThrow().getDate());
        assertThat(end.toLocalDateTime()).isEqualTo(LocalDateTime.of(tuesday, java.time.LocalTime.of(16, 30)));
        assertThat(event.getEndDate().orElseThrow().getParameter("TZID").map(p -> p.getValue())).contains("Europe/Paris");
        assertThat(ics).contains("DTEND;TZID=Europe/Paris:" + tuesday.toString().replace("-", "") + "T163000");
    }

    @Test
    void a_guardian_of_two_children_gets_both_weeks_with_stable_uids_cancelled_status_and_paris_times() throws Exception {
        // Zoé's guardian (4B) is also the guardian of pupil 0 (4A)
        World.apply(projection, new SchoolWorld().add(DirectoryEvents.guardianship(w.guardianB, w.pupil(0), true)));
        String token = TestTokens.person(w.guardianB).roles("parent").schools(w.school).sign();
        String url = newFeed(token);
        assertThat(url).matches("/api/timetable/feeds/[A-Za-z0-9_-]{43}\\.ics");

        Calendar calendar = fetch(url);
        Map<String, VEvent> events = byUid(calendar);
        VEvent cancelled = events.get(maths + "_" + tuesday + "." + w.pupil(0) + "@ent");
        VEvent zoe = events.get(history + "_" + tuesday + "." + w.pupilB + "@ent");
        assertThat(cancelled).as("pupil 0's cancelled maths lesson, in %s", events.keySet()).isNotNull();
        assertThat(zoe).as("Zoé's history lesson").isNotNull();
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(cancelled, "SUMMARY")).isEqualTo("Mathématiques — Élève0");
        assertThat(value(cancelled, "DESCRIPTION")).contains("Annulé").contains("Anne Martin");
        assertThat(value(cancelled, "LOCATION")).isEqualTo("B12");
        assertThat(value(zoe, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(zoe, "SUMMARY")).isEqualTo("Histoire — Zoé");
        assertThat(value(zoe, "LOCATION")).isEqualTo("Labo");
        assertThat(value(zoe, "DESCRIPTION")).contains("Bruno Petit").contains("4B");
        // times in Europe/Paris, said with TZID and defined by a VTIMEZONE
        assertThat(zoe.getStartDate().orElseThrow().getParameter("TZID").map(p -> p.getValue())).contains("Europe/Paris");
        assertThat(zoe.getEndDate().orElseThrow().getParameter("TZID").map(p -> p.getValue())).contains("Europe/Paris");
        ZonedDateTime start = ZonedDateTime.from(zoe.getStartDate().orElseThrow().getDate());
        assertThat(start.toLocalDateTime()).isEqualTo(LocalDateTime.of(tuesday, java.time.LocalTime.of(13, 30)));
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).extracting(z -> z.getTimeZoneId().getValue())
                .containsExactly("Europe/Paris");
        // every week of the window: next week's lessons too, and nothing of 4A's other pupils
        assertThat(events).containsKey(maths + "_" + later + "." + w.pupil(0) + "@ent");
        assertThat(events.keySet()).allMatch(uid -> uid.endsWith(w.pupil(0) + "@ent") || uid.endsWith(w.pupilB + "@ent"));

        // the same UIDs on the next fetch, and the same ETag
        Response first = given().get(url);
        assertThat(byUid(parse(first.asString())).keySet()).isEqualTo(events.keySet());
        given().header("If-None-Match", first.getHeader("ETag")).get(url).then().statusCode(304);
    }

    @Test
    void rotating_revokes_the_old_url_and_revoking_leaves_none() throws Exception {
        String old = newFeed(w.pupilToken(0));
        String current = newFeed(w.pupilToken(0));
        assertThat(current).isNotEqualTo(old);
        given().get(old).then().statusCode(404);
        fetch(current);
        as(w.pupilToken(0)).get("/api/timetable/me/feed").then().statusCode(200).body("active", equalTo(true));
        as(w.pupilToken(0)).delete("/api/timetable/me/feed").then().statusCode(204);
        given().get(current).then().statusCode(404).body("status", equalTo(404));
        as(w.pupilToken(0)).get("/api/timetable/me/feed").then().statusCode(200).body("active", equalTo(false));
        given().get("/api/timetable/feeds/not-a-token.ics").then().statusCode(404);
        given().get(current.replace(".ics", "")).then().statusCode(404);
    }

    @Test
    void a_feed_shows_its_owner_only() throws Exception {
        Map<String, VEvent> pupil = byUid(fetch(newFeed(w.pupilToken(0))));
        Map<String, VEvent> other = byUid(fetch(newFeed(w.pupilToken(1))));
        Map<String, VEvent> teacher = byUid(fetch(newFeed(w.teacherBToken())));
        assertThat(pupil).containsKey(maths + "_" + tuesday + "@ent");
        assertThat(pupil.keySet()).noneMatch(uid -> uid.startsWith(history.toString()));
        assertThat(other).containsKey(maths + "_" + tuesday + "@ent"); // same class, own feed, no other person in it
        assertThat(teacher.keySet()).isNotEmpty().allMatch(uid -> uid.startsWith(history.toString()));
        assertThat(value(pupil.get(maths + "_" + later + "@ent"), "SUMMARY")).isEqualTo("Mathématiques");
    }

    @Test
    void a_video_class_link_reaches_the_lessons_pupils_guardians_and_teachers_only() throws Exception {
        String path = "/api/timetable/lessons/" + maths + "/occurrences/" + later + "/remote-link";
        for (String bad : List.of("http://visio.example/b/abc", "javascript:alert(1)", "ftp://visio.example/x",
                "https://visio.example/" + "a".repeat(500), "visio.example/b/abc", "https://user:pw@visio.example/x")) {
            as(w.teacherAToken()).body(Map.of("url", bad)).put(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("url"));
        }
        as(w.teacherBToken()).body(Map.of("url", "https://visio.example/b/abc")).put(path).then().statusCode(404);
        String link = "https://visio.example/b/maths-4a";
        as(w.teacherAToken()).body(Map.of("url", link)).put(path).then().statusCode(200).body("[0].remoteLink", equalTo(link));

        String week = "/week?week=" + fr.ent.timetable.week.Weeks.label(later);
        String pupilWeek = "/api/timetable/pupils/" + w.pupil(0) + week;
        // the family and the teacher see it
        for (String token : List.of(w.pupilToken(0), w.guardianToken(0), w.teacherAToken())) {
            as(token).get(pupilWeek).then().statusCode(200).body("occurrences[0].remoteLink", equalTo(link));
        }
        as(w.teacherAToken()).get("/api/timetable/teachers/" + w.teacherA + week).then().body("occurrences[0].remoteLink", equalTo(link));
        as(w.teacherAToken()).get("/api/timetable/classes/" + w.classA + week).then().body("occurrences[0].remoteLink", equalTo(link));
        // staff, colleagues and room views do not
        as(w.cpeToken()).get(pupilWeek).then().statusCode(200).body("occurrences[0].remoteLink", nullValue());
        as(w.cpeToken()).get("/api/timetable/classes/" + w.classA + week).then().body("occurrences[0].remoteLink", nullValue());
        as(w.teacherBToken()).get("/api/timetable/teachers/" + w.teacherA + week).then().statusCode(200)
                .body("occurrences[0].remoteLink", nullValue());
        as(w.teacherAToken()).get("/api/timetable/rooms/" + w.room("B12") + week).then().statusCode(200)
                .body("occurrences[0].remoteLink", nullValue());
        // in the feeds of the pupil and of the teacher
        Map<String, VEvent> feed = byUid(fetch(newFeed(w.pupilToken(0))));
        VEvent withLink = feed.get(maths + "_" + later + "@ent");
        assertThat(value(withLink, "URL")).isEqualTo(link);
        assertThat(value(withLink, "DESCRIPTION")).contains("Classe virtuelle : " + link);
        assertThat(value(byUid(fetch(newFeed(w.teacherAToken()))).get(maths + "_" + later + "@ent"), "URL")).isEqualTo(link);

        // the staff remove it
        as(w.cpeToken()).delete(path).then().statusCode(200).body("[0].remoteLink", nullValue());
        as(w.pupilToken(0)).get(pupilWeek).then().body("occurrences[0].remoteLink", nullValue());
    }

    @Test
    void a_video_class_link_is_never_in_events_nor_in_what_staff_get_back_from_a_change() {
        String link = "https://visio.example/b/never-in-events";
        as(w.teacherAToken()).body(Map.of("url", link, "scope", "FOLLOWING"))
                .put("/api/timetable/lessons/" + maths + "/occurrences/" + later + "/remote-link").then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.greaterThan(1)).body("remoteLink", org.hamcrest.Matchers.everyItem(equalTo(link)));
        as(w.cpeToken()).body(Map.of("roomId", w.room("Labo"))).post("/api/timetable/lessons/" + maths + "/occurrences/" + later + "/room")
                .then().statusCode(200).body("[0].remoteLink", nullValue());
        // the cancellation of the seed, then the room change: two events, neither carrying the link
        var events = TopicReader.await("ent.timetable", maths, "fr.ent.timetable.lesson-changed.v1", 2);
        assertThat(events).hasSize(2);
        assertThat(events).allSatisfy(e -> assertThat(e.data().toString()).doesNotContain("visio.example").doesNotContain("remoteLink"));
    }

    @Test
    void a_substitute_sets_the_link_of_the_occurrence_they_teach_not_of_the_series() {
        String path = "/api/timetable/lessons/" + maths + "/occurrences/" + later + "/remote-link";
        as(w.cpeToken()).body(Map.of("teacherId", w.teacherB)).post("/api/timetable/lessons/" + maths + "/occurrences/" + later + "/substitute")
                .then().statusCode(200);
        as(w.teacherBToken()).body(Map.of("url", "https://visio.example/b/sub", "scope", "FOLLOWING")).put(path).then().statusCode(404);
        as(w.teacherBToken()).body(Map.of("url", "https://visio.example/b/sub")).put(path).then().statusCode(200)
                .body("[0].remoteLink", equalTo("https://visio.example/b/sub"));
        as(w.teacherBToken()).get("/api/timetable/teachers/" + w.teacherB + "/week?week=" + fr.ent.timetable.week.Weeks.label(later))
                .then().statusCode(200).body("occurrences.find { it.lessonId == '" + maths + "' }.remoteLink",
                        equalTo("https://visio.example/b/sub"));
    }

    @Test
    void week_views_name_teachers_rooms_and_classes() {
        as(w.cpeToken()).body(Map.of("teacherId", w.teacherB)).post("/api/timetable/lessons/" + maths + "/occurrences/" + later + "/substitute")
                .then().statusCode(200);
        String week = "/week?week=" + fr.ent.timetable.week.Weeks.label(later);
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + week).then().statusCode(200)
                .body("occurrences[0].teacherIds[0]", equalTo(w.teacherB.toString()))
                .body("teacherNames." + w.teacherB, equalTo("Bruno Petit"))
                .body("teacherNames." + w.teacherA, equalTo("Anne Martin"))
                .body("roomNames." + w.room("B12"), equalTo("B12"))
                .body("classNames." + w.classA, equalTo("4A"));
    }
}
