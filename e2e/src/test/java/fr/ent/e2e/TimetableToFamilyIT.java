package fr.ent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Demo.Person;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.NotificationStream;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The demo timetable as families live it, through the gateway. The CPE cancels 4A's next lesson
 * (tomorrow's on a school day): Léa's separated parents, Sophie and Marc, each get one French notice
 * for Léa on their live stream, Thomas one for Emma and nothing about Léa. The CPE cancels 6B's next
 * lesson: Sophie and Marc are told for Hugo; Thomas and Nadia, who have no child in 6B, are told
 * nothing. Claire Martin declares a day of absence, the
 * CPE confirms it: her lessons of that day are all cancelled and Sophie gets exactly one notice for
 * Léa (4A) for that day, not one per lesson. During school holidays there is no lesson in the 7 days
 * families are told about: the tests are then skipped, saying so.
 */
class TimetableToFamilyIT {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lesson the generated suites use (see TimetableFixtures): left alone here. */
    private static final String FIXTURE_SUBJECT = "E2E Fixture";

    private final UUID jeanMoulin = Demo.school("jeanMoulin");
    private final UUID class4A = Demo.classOf("0750001A", "4A");
    private final UUID class6B = Demo.classOf("0750001A", "6B");
    private final Person lea = Demo.person("lea");
    private final Person hugo = Demo.person("hugo");

    @Test
    void staff_cancel_4As_next_lesson_and_each_parent_hears_once_for_their_own_child() {
        JsonNode lesson = cancelNextLessonOf(class4A, "4A", List.of("sophie", "marc", "thomas"), streams -> {
            Predicate<JsonNode> forLea = change(lea), forEmma = change(Demo.person("emma"));
            await("the cancellation on the streams of Léa's parents and Emma's father").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(streams.get("sophie").events(forLea)).hasSize(1);
                assertThat(streams.get("marc").events(forLea)).hasSize(1);
                assertThat(streams.get("thomas").events(forEmma)).hasSize(1);
            });
            // nothing comes twice, and nobody hears of a child not theirs
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(streams.get("sophie").events(forLea)).hasSize(1);
                assertThat(streams.get("sophie").events(change(hugo))).isEmpty();
                assertThat(streams.get("thomas").events(forLea)).isEmpty();
                assertThat(streams.get("thomas").events(n -> n.toString().contains(lea.firstName()))).isEmpty();
            });
            return streams.get("sophie").events(forLea).get(0).data();
        });
        assertThat(stateIn(lea, lesson)).isEqualTo("CANCELLED");
    }

    @Test
    void staff_cancel_6Bs_next_lesson_and_only_hugos_parents_are_told() {
        JsonNode lesson = cancelNextLessonOf(class6B, "6B", List.of("sophie", "marc", "thomas", "nadia"), streams -> {
            Predicate<JsonNode> forHugo = change(hugo);
            await("the cancellation on Sophie's and Marc's streams").atMost(DELIVERY).untilAsserted(() -> {
                assertThat(streams.get("sophie").events(forHugo)).hasSize(1);
                assertThat(streams.get("marc").events(forHugo)).hasSize(1);
            });
            // Marc's notice is his own inbox entry, with the same words
            assertThat(streams.get("marc").events(forHugo).get(0).data().path("body").asText())
                    .isEqualTo(streams.get("sophie").events(forHugo).get(0).data().path("body").asText());
            // the families with no child in 6B are told of nothing
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(streams.get("thomas").events(n -> "timetable-change".equals(n.path("type").asText()))).isEmpty();
                assertThat(streams.get("nadia").events(n -> "timetable-change".equals(n.path("type").asText()))).isEmpty();
                assertThat(streams.get("sophie").events(forHugo)).hasSize(1);
            });
            return streams.get("sophie").events(forHugo).get(0).data();
        });
        assertThat(stateIn(hugo, lesson)).isEqualTo("CANCELLED");
    }

    /**
     * Opens the streams of those guardians, has the CPE cancel the class's first lesson from tomorrow
     * (not the suites' fixture), lets {@code told} check the streams and checks the notice it returns
     * against the lesson; answers the cancelled occurrence as it was listed.
     */
    private JsonNode cancelNextLessonOf(UUID classId, String code, List<String> guardians,
                                        java.util.function.Function<Map<String, NotificationStream>, JsonNode> told) {
        Optional<JsonNode> next = nextOccurrences("/api/timetable/classes/{id}/week", classId).stream()
                .filter(o -> !FIXTURE_SUBJECT.equals(o.path("subject").asText())).findFirst();
        assumeTrue(next.isPresent(), code + " has no lesson within the next 6 days (school holidays)");
        JsonNode lesson = next.get();
        Map<String, NotificationStream> streams = new LinkedHashMap<>();
        try {
            guardians.forEach(g -> streams.put(g, NotificationStream.open(g)));
            Gateway.as("cpe").body(Map.of("scope", "THIS"))
                    .post("/api/timetable/lessons/{id}/occurrences/{date}/cancel", lesson.path("lessonId").asText(),
                            plannedDate(lesson))
                    .then().statusCode(200);
            JsonNode notice = told.apply(streams);
            assertThat(notice.path("schoolId").asText()).isEqualTo(jeanMoulin.toString());
            assertThat(notice.path("body").asText()).startsWith("Cours d").contains("annulé")
                    .containsIgnoringCase(lesson.path("subject").asText());
            assertThat(notice.path("link").asText()).startsWith("/emploi-du-temps?semaine=");
        } finally {
            streams.values().forEach(NotificationStream::close);
        }
        return lesson;
    }

    private static Predicate<JsonNode> change(Person child) {
        return n -> "timetable-change".equals(n.path("type").asText())
                && child.id().toString().equals(n.path("child").path("id").asText());
    }

    /** The state of that occurrence in the pupil's week, as their mother sees it. */
    private static String stateIn(Person pupil, JsonNode occurrence) {
        JsonNode week = json(Gateway.as("sophie").queryParam("date", occurrence.path("date").asText())
                .get("/api/timetable/pupils/{id}/week", pupil.id()).then().statusCode(200).extract().asString());
        return occurrences(week).filter(o -> occurrence.path("id").asText().equals(o.path("id").asText()))
                .map(o -> o.path("state").asText()).findFirst().orElse("(absent from the week)");
    }

    @Test
    void a_teachers_declared_absence_cancels_her_day_and_each_family_hears_once_per_child() {
        UUID claire = Demo.person("claire").id();
        List<JsonNode> lessons = nextOccurrences("/api/timetable/teachers/{id}/week", claire);
        // the first day of hers with a lesson of 4A, and none of the fixture the generated suites use
        Map<String, List<JsonNode>> byDay = lessons.stream().collect(Collectors.groupingBy(o -> o.path("date").asText(),
                LinkedHashMap::new, Collectors.toList()));
        Optional<LocalDate> chosen = byDay.entrySet().stream()
                .filter(d -> d.getValue().stream().noneMatch(o -> FIXTURE_SUBJECT.equals(o.path("subject").asText())))
                .filter(d -> d.getValue().stream().anyMatch(o -> o.path("classIds").toString().contains(class4A.toString())))
                .map(d -> LocalDate.parse(d.getKey())).findFirst();
        assumeTrue(chosen.isPresent(), "Claire Martin teaches 4A on no day of the next 7 (school holidays)");
        LocalDate day = chosen.get();
        long lessonsOfLea = byDay.get(day.toString()).stream()
                .filter(o -> o.path("classIds").toString().contains(class4A.toString())).count();

        try (NotificationStream sophie = NotificationStream.open("sophie")) {
            List<Map<String, Object>> declared = Gateway.as("claire")
                    .body(Map.of("from", day.atStartOfDay().toString(), "to", day.plusDays(1).atStartOfDay().toString()))
                    .post("/api/timetable/absences").then().statusCode(201).extract().jsonPath().getList("$");
            assertThat(declared).allSatisfy(a -> assertThat(a).doesNotContainKeys("reason", "motif"));
            String absence = declared.stream().filter(a -> jeanMoulin.toString().equals(a.get("schoolId")))
                    .findFirst().orElseThrow().get("id").toString();
            Gateway.as("cpe").body(Map.of()).post("/api/timetable/absences/{id}/confirm", absence).then().statusCode(200);

            JsonNode week = json(Gateway.as("claire").queryParam("date", day.toString())
                    .get("/api/timetable/teachers/{id}/week", claire).then().statusCode(200).extract().asString());
            List<String> states = occurrences(week).filter(o -> day.toString().equals(o.path("date").asText())
                    && jeanMoulin.toString().equals(o.path("schoolId").asText())).map(o -> o.path("state").asText()).toList();
            assertThat(states).hasSize(byDay.get(day.toString()).size()).allMatch("CANCELLED"::equals);

            Predicate<JsonNode> forLea = n -> "teacher-absence".equals(n.path("type").asText())
                    && lea.id().toString().equals(n.path("child").path("id").asText());
            await("one notice for Léa on Sophie's stream").atMost(DELIVERY)
                    .untilAsserted(() -> assertThat(sophie.events(forLea)).hasSize(1));
            assertThat(sophie.events(forLea).get(0).data().path("body").asText()).contains("Claire Martin");
            // Léa had {lessonsOfLea} lessons with her that day: they are in the one notice, none comes after it,
            // and no lesson of that day is told one by one as a timetable change
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(sophie.events(forLea)).as("notices for Léa's %d lessons of %s", lessonsOfLea, day).hasSize(1);
                assertThat(sophie.events(n -> "timetable-change".equals(n.path("type").asText())
                        && lea.id().toString().equals(n.path("child").path("id").asText()))).isEmpty();
                assertThat(sophie.events(n -> "teacher-absence".equals(n.path("type").asText())
                        && hugo.id().toString().equals(n.path("child").path("id").asText()))).isEmpty();
            });
        }
    }

    /** The planned date of an occurrence: the last part of its id ({@code <lesson id>_<yyyy-mm-dd>}). */
    private static String plannedDate(JsonNode occurrence) {
        String id = occurrence.path("id").asText();
        return id.substring(id.lastIndexOf('_') + 1);
    }

    /** The occurrences from tomorrow to 6 days ahead (well inside the 7 days families are told of) not cancelled, in time order, as the CPE sees them. */
    private static List<JsonNode> nextOccurrences(String path, UUID id) {
        LocalDate today = LocalDate.now(PARIS);
        return Stream.of(today.plusDays(1), today.plusDays(7))
                .flatMap(date -> occurrences(json(Gateway.as("cpe").queryParam("date", date.toString()).get(path, id)
                        .then().statusCode(200).extract().asString())))
                .filter(o -> {
                    LocalDate d = LocalDate.parse(o.path("date").asText());
                    return d.isAfter(today) && d.isBefore(today.plusDays(7)) && !"CANCELLED".equals(o.path("state").asText());
                })
                .collect(Collectors.toMap(o -> o.path("id").asText(), o -> o, (a, b) -> a, LinkedHashMap::new))
                .values().stream().toList();
    }

    private static Stream<JsonNode> occurrences(JsonNode week) {
        return StreamSupport.stream(week.path("occurrences").spliterator(), false);
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
