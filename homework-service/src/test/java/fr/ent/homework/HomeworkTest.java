package fr.ent.homework;

import fr.ent.testkit.PresignedUrls;
import fr.ent.directory.DirectoryProjection;
import fr.ent.homework.events.DueReminders;
import fr.ent.testkit.TopicReader;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.testservers.S3Resource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.homework.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** The cahier de textes, work to do, workload, the pupil's list, visas and the events. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(S3Resource.class)
class HomeworkTest {

    @Inject
    DirectoryProjection projection;

    @Inject
    DueReminders reminders;

    World w;
    LocalDate today;

    @BeforeEach
    void seed() {
        w = World.create(projection);
        today = World.today();
    }

    @Test
    void a_draft_is_its_authors_until_published_then_the_class_and_its_families_read_it() {
        String id = as(w.claire.token()).body(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS",
                        "lessonOn", today.toString(), "title", "Théorème de Pythagore", "content", "Démonstration", "published", false))
                .post("/api/homework/log-entries").then().statusCode(201).body("published", equalTo(false)).extract().path("id");
        as(w.lea.token()).get("/api/homework/log-entries/" + id).then().statusCode(404);
        as(w.paul.token()).get("/api/homework/classes/" + w.classA + "/log").then().statusCode(200).body("size()", equalTo(0));

        as(w.claire.token()).body(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS", "lessonOn", today.toString(),
                        "title", "Théorème de Pythagore", "content", "Démonstration et exercices", "published", true))
                .put("/api/homework/log-entries/" + id).then().statusCode(200);
        as(w.lea.token()).get("/api/homework/log-entries/" + id).then().statusCode(200).body("content", equalTo("Démonstration et exercices"));
        as(w.mother.token()).get("/api/homework/classes/" + w.classA + "/log").then().statusCode(200).body("id", contains(id));
        as(w.paul.token()).get("/api/homework/classes/" + w.classA + "/log").then().statusCode(200).body("id", contains(id));
        as(w.bruno.token()).get("/api/homework/log-entries/" + id).then().statusCode(404);
        as(w.zoe.token()).get("/api/homework/classes/" + w.classA + "/log").then().statusCode(404);
        as(w.otherCpe.token()).get("/api/homework/classes/" + w.classA + "/log").then().statusCode(404);
        // a colleague cannot change it
        as(w.paul.token()).delete("/api/homework/log-entries/" + id).then().statusCode(404);
    }

    @Test
    void setting_work_answers_the_class_load_and_warns_above_the_thresholds() {
        LocalDate due = today.plusDays(3);
        w.setWork("Exercices", "EXERCISE", due, 20);
        w.setWork("Lecture", "READING", due, 20);
        var answer = as(w.claire.token()).body(w.work("Révision contrôle", "TEST_REVISION", due, 30, Map.of()))
                .post("/api/homework/works").then().statusCode(201).extract();
        assertThat((Integer) answer.path("workload.count")).isEqualTo(3);
        assertThat((Integer) answer.path("workload.minutes")).isEqualTo(70);
        assertThat((Integer) answer.path("workload.tests")).isEqualTo(1);
        assertThat((List<String>) answer.path("workload.warnings")).containsExactly("TOO_MANY_MINUTES");
        assertThat((String) answer.path("workload.message")).contains("70 minutes");
        // a group's work counts for the class of its pupils; a second test goes above the tests threshold
        as(w.claire.token()).body(w.work("Latin", "TEST_REVISION", due, 10, Map.of("classGroupId", w.latin.toString(), "subject", "LATIN")))
                .post("/api/homework/works").then().statusCode(201);
        as(w.paul.token()).get("/api/homework/classes/" + w.classA + "/workload?day=" + due).then().statusCode(200)
                .body("count", equalTo(4)).body("tests", equalTo(2))
                .body("warnings", contains("TOO_MANY_WORKS", "TOO_MANY_MINUTES", "TOO_MANY_TESTS"));
        as(w.bruno.token()).get("/api/homework/classes/" + w.classB + "/workload?day=" + due).then().statusCode(200).body("count", equalTo(0));
        // the school raises its thresholds
        as(w.cpe.token()).body(Map.of("maxWorksPerDay", 5, "maxMinutesPerDay", 120, "maxTestsPerDay", 2,
                "schoolDayStartsAt", "07:30", "schoolDayEndsAt", "18:30")).put("/api/homework/schools/" + w.school + "/workload-settings")
                .then().statusCode(200);
        as(w.paul.token()).get("/api/homework/classes/" + w.classA + "/workload?day=" + due).then().body("warnings.size()", equalTo(0));
    }

    @Test
    void work_set_late_in_the_evening_is_flagged() {
        World.at(today, 22, 15);
        as(w.claire.token()).body(w.work("Tard", "EXERCISE", today.plusDays(2), 10, Map.of())).post("/api/homework/works")
                .then().statusCode(201).body("work.outsideSchoolHours", equalTo(true));
        World.at(today, 10, 0);
        as(w.claire.token()).body(w.work("En cours", "EXERCISE", today.plusDays(2), 10, Map.of())).post("/api/homework/works")
                .then().statusCode(201).body("work.outsideSchoolHours", equalTo(false));
    }

    @Test
    void bad_work_is_refused_and_nothing_is_written() {
        String lessonOfB = as(w.bruno.token()).body(Map.of("classGroupId", w.classB.toString(), "subject", "HISTOIRE",
                "lessonOn", today.toString(), "title", "Révolution", "content", "1789")).post("/api/homework/log-entries")
                .then().statusCode(201).extract().path("id");
        String lessonOfA = as(w.claire.token()).body(Map.of("classGroupId", w.latin.toString(), "subject", "LATIN",
                "lessonOn", today.toString(), "title", "Rosa", "content", "Déclinaison")).post("/api/homework/log-entries")
                .then().statusCode(201).extract().path("id");
        LocalDate due = today.plusDays(2);
        // due before it is visible
        as(w.claire.token()).body(w.work("Avant", "EXERCISE", due, 10,
                        Map.of("visibleFrom", due.plusDays(1).atTime(8, 0).atOffset(java.time.ZoneOffset.UTC).toString())))
                .post("/api/homework/works").then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        // a lesson of another teacher's class, of another class of hers
        as(w.claire.token()).body(w.work("Autre", "EXERCISE", due, 10, Map.of("logEntryId", lessonOfB)))
                .post("/api/homework/works").then().statusCode(400).body("errors[0].field", equalTo("logEntryId"));
        as(w.claire.token()).body(w.work("Autre", "EXERCISE", due, 10, Map.of("logEntryId", lessonOfA)))
                .post("/api/homework/works").then().statusCode(400).body("errors[0].field", equalTo("logEntryId"));
        // a pupil of another class, a subject she does not teach, a kind that does not exist, no minutes
        as(w.claire.token()).body(w.work("Zoé", "EXERCISE", due, 10, Map.of("pupilIds", List.of(w.zoe.id().toString()))))
                .post("/api/homework/works").then().statusCode(400);
        as(w.claire.token()).body(w.work("Français", "EXERCISE", due, 10, Map.of("subject", "FRANCAIS")))
                .post("/api/homework/works").then().statusCode(400);
        as(w.claire.token()).body(w.work("Genre", "DANCE", due, 10, Map.of())).post("/api/homework/works").then().statusCode(400);
        as(w.claire.token()).body(w.work("Zéro", "EXERCISE", due, 0, Map.of())).post("/api/homework/works").then().statusCode(400);
        // an attachment that was never uploaded
        as(w.claire.token()).body(w.work("Pièce", "EXERCISE", due, 10, Map.of("attachmentIds", List.of(UUID.randomUUID().toString()))))
                .post("/api/homework/works").then().statusCode(404);
        as(w.claire.token()).get("/api/homework/classes/" + w.classA + "/works").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void the_pupils_list_goes_by_day_and_subject_and_the_done_toggle_is_idempotent() {
        UUID maths = w.setWork("Exercices", "EXERCISE", today.plusDays(1), 20);
        UUID later = w.setWork("Lointain", "EXERCISE", today.plusDays(20), 20);
        String latin = as(w.claire.token()).body(w.work("Déclinaisons", "READING", today.plusDays(1), 15,
                Map.of("classGroupId", w.latin.toString(), "subject", "LATIN"))).post("/api/homework/works").then().statusCode(201)
                .extract().path("work.id");
        String forLea = as(w.paul.token()).body(w.work("Soutien", "EXERCISE", today.plusDays(2), 15,
                Map.of("subject", "FRANCAIS", "pupilIds", List.of(w.lea.id().toString())))).post("/api/homework/works")
                .then().statusCode(201).extract().path("work.id");
        String hidden = as(w.claire.token()).body(w.work("Plus tard", "EXERCISE", today.plusDays(3), 15,
                Map.of("visibleFrom", today.plusDays(2).atTime(8, 0).atZone(java.time.ZoneId.of("Europe/Paris")).toOffsetDateTime().toString())))
                .post("/api/homework/works").then().statusCode(201).extract().path("work.id");

        var list = as(w.lea.token()).get("/api/homework/pupils/" + w.lea.id() + "/todo").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("days.day", String.class)).containsExactly(today.plusDays(1).toString(), today.plusDays(2).toString());
        assertThat(list.getList("days[0].subjects.subject", String.class)).containsExactly("LATIN", "MATHS");
        assertThat(list.getString("days[0].subjects[1].works[0].workId")).isEqualTo(maths.toString());
        assertThat(list.getString("days[1].subjects[0].works[0].workId")).isEqualTo(forLea);
        assertThat(list.getString("toString()")).doesNotContain(later.toString()).doesNotContain(hidden);
        // Hugo: no Latin, no work chosen for Léa
        var hugos = as(w.hugo.token()).get("/api/homework/pupils/" + w.hugo.id() + "/todo").then().statusCode(200).extract().jsonPath();
        assertThat(hugos.getList("days.subjects.works.flatten().workId", String.class)).containsExactly(maths.toString());
        as(w.hugo.token()).get("/api/homework/works/" + forLea).then().statusCode(404);
        as(w.hugo.token()).get("/api/homework/works/" + hidden).then().statusCode(404);
        as(w.lea.token()).get("/api/homework/works/" + latin).then().statusCode(200);

        for (int i = 0; i < 2; i++) {
            as(w.lea.token()).body(Map.of("done", true)).put("/api/homework/pupils/" + w.lea.id() + "/works/" + maths + "/done")
                    .then().statusCode(200).body("done", equalTo(true));
        }
        as(w.mother.token()).get("/api/homework/pupils/" + w.lea.id() + "/todo").then().statusCode(200)
                .body("days[0].subjects[1].works[0].done", equalTo(true));
        as(w.mother.token()).body(Map.of("done", false)).put("/api/homework/pupils/" + w.lea.id() + "/works/" + maths + "/done")
                .then().statusCode(403);
        as(w.hugoParent.token()).get("/api/homework/pupils/" + w.lea.id() + "/todo").then().statusCode(404);
        as(w.lea.token()).body(Map.of("done", false)).put("/api/homework/pupils/" + w.lea.id() + "/works/" + maths + "/done")
                .then().statusCode(200);
        as(w.lea.token()).get("/api/homework/pupils/" + w.lea.id() + "/todo").then()
                .body("days[0].subjects[1].works[0].done", equalTo(false));
        // not hers
        as(w.lea.token()).body(Map.of("done", true)).put("/api/homework/pupils/" + w.hugo.id() + "/works/" + maths + "/done")
                .then().statusCode(404);
    }

    @Test
    void an_attachment_belongs_to_one_entry_and_deleting_a_lesson_keeps_the_work_set_on_it() {
        String file = World.upload(w.claire.token(), "/api/homework/classes/" + w.classA + "/attachment-uploads", "cours.pdf",
                World.PDF, "application/pdf");
        String entry = as(w.claire.token()).body(mathsLogEntryOfToday("Aires", "Cours", Map.of("attachmentIds", List.of(file))))
                .post("/api/homework/log-entries").then().statusCode(201).body("attachments[0].id", equalTo(file)).extract().path("id");
        String url = as(w.lea.token()).get("/api/homework/log-entries/" + entry + "/attachments/" + file).then().statusCode(200)
                .extract().path("url");
        assertThat(PresignedUrls.get(url).body()).isEqualTo(World.PDF);
        as(w.claire.token()).body(w.work("Même fichier", "EXERCISE", today.plusDays(2), 10, Map.of("attachmentIds", List.of(file))))
                .post("/api/homework/works").then().statusCode(400).body("errors[0].field", equalTo("attachmentIds[0]"));
        String work = as(w.claire.token()).body(w.work("Sur la séance", "EXERCISE", today.plusDays(2), 10, Map.of("logEntryId", entry)))
                .post("/api/homework/works").then().statusCode(201).body("work.logEntryId", equalTo(entry)).extract().path("work.id");
        as(w.claire.token()).delete("/api/homework/log-entries/" + entry).then().statusCode(204);
        as(w.claire.token()).get("/api/homework/works/" + work).then().statusCode(200).body("logEntryId", nullValue());
        as(w.lea.token()).get("/api/homework/log-entries/" + entry + "/attachments/" + file).then().statusCode(404);
    }

    @Test
    void the_head_stamps_a_visa_and_the_history_is_kept() {
        for (String comment : List.of("Cahier bien tenu.", "À compléter pour la semaine 3.")) {
            as(w.cpe.token()).body(Map.of("teacherId", w.claire.id().toString(), "stampedOn", today.toString(), "comment", comment))
                    .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(201).body("stampedBy", equalTo(w.cpe.id().toString()));
        }
        as(w.claire.token()).get("/api/homework/classes/" + w.classA + "/visas").then().statusCode(200).body("size()", equalTo(2))
                .body("comment", hasItem("Cahier bien tenu."));
        as(w.cpe.token()).body(Map.of("teacherId", w.bruno.id().toString(), "stampedOn", today.toString(), "comment", "x"))
                .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(400);
        as(w.cpe.token()).body(Map.of("teacherId", w.claire.id().toString(), "stampedOn", today.plusDays(1).toString(), "comment", "x"))
                .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(400);
        as(w.otherCpe.token()).body(Map.of("teacherId", w.claire.id().toString(), "stampedOn", today.toString(), "comment", "x"))
                .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(404);
        as(w.claire.token()).body(Map.of("teacherId", w.claire.id().toString(), "stampedOn", today.toString(), "comment", "x"))
                .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(403);
        as(w.cpe.token()).get("/api/homework/classes/" + w.classA + "/visas").then().body("size()", equalTo(2));
    }

    @Test
    void an_inspector_of_the_school_reads_the_cahier_de_textes_and_stamps_a_visa_and_nothing_more() {
        String file = World.upload(w.claire.token(), "/api/homework/classes/" + w.classA + "/attachment-uploads", "cours.pdf",
                World.PDF, "application/pdf");
        String entry = as(w.claire.token()).body(mathsLogEntryOfToday("Aires", "Cours", Map.of("attachmentIds", List.of(file))))
                .post("/api/homework/log-entries").then().statusCode(201).extract().path("id");
        String draft = as(w.claire.token()).body(mathsLogEntryOfToday("Brouillon", "À venir", Map.of("published", false)))
                .post("/api/homework/log-entries").then().statusCode(201).extract().path("id");
        UUID work = w.setWork("Rédaction", "HAND_IN", today.plusDays(3), 30);
        String helene = w.inspector.token();

        as(helene).get("/api/homework/classes/" + w.classA + "/log").then().statusCode(200).body("id", contains(entry));
        as(helene).get("/api/homework/log-entries/" + entry).then().statusCode(200).body("title", equalTo("Aires"));
        String url = as(helene).get("/api/homework/log-entries/" + entry + "/attachments/" + file).then().statusCode(200)
                .extract().path("url");
        assertThat(PresignedUrls.get(url).body()).isEqualTo(World.PDF);
        as(helene).get("/api/homework/log-entries/" + draft).then().statusCode(404);

        as(w.cpe.token()).body(Map.of("teacherId", w.claire.id().toString(), "stampedOn", today.toString(), "comment", "Vu."))
                .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(201);
        as(helene).body(Map.of("teacherId", w.claire.id().toString(), "stampedOn", today.toString(),
                        "comment", "Progression conforme au programme."))
                .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(201)
                .body("stampedBy", equalTo(w.inspector.id().toString())).body("stampedByName", equalTo("Hélène Garnier"))
                .body("stampedByRole", equalTo("INSPECTOR"));
        as(helene).body(Map.of("teacherId", w.bruno.id().toString(), "stampedOn", today.toString(), "comment", "x"))
                .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(400);
        // The history, read by the teacher and by the inspector: both visas, each with who stamped it.
        for (String reader : List.of(w.claire.token(), helene)) {
            as(reader).get("/api/homework/classes/" + w.classA + "/visas").then().statusCode(200).body("size()", equalTo(2))
                    .body("stampedByName", containsInAnyOrder("Hélène Garnier", "Karim Benali"))
                    .body("find { it.stampedByRole == 'INSPECTOR' }.comment", equalTo("Progression conforme au programme."));
        }

        // Nothing else of the school: work, hand-ins, a pupil's list, settings, the audit.
        as(helene).get("/api/homework/works/" + work).then().statusCode(403);
        as(helene).get("/api/homework/classes/" + w.classA + "/works").then().statusCode(403);
        as(helene).get("/api/homework/works/" + work + "/hand-ins").then().statusCode(403);
        as(helene).get("/api/homework/works/" + work + "/hand-ins.zip").then().statusCode(403);
        as(helene).get("/api/homework/pupils/" + w.lea.id() + "/todo").then().statusCode(403);
        as(helene).get("/api/homework/schools/" + w.school + "/workload-settings").then().statusCode(403);
        as(helene).get("/api/homework/schools/" + w.school + "/audit").then().statusCode(403);
        as(helene).body(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS", "lessonOn", today.toString(),
                "title", "x", "content", "x")).post("/api/homework/log-entries").then().statusCode(403);

        // An inspector of another school: what is not theirs does not exist.
        String marc = w.otherInspector.token();
        as(marc).get("/api/homework/classes/" + w.classA + "/log").then().statusCode(404);
        as(marc).get("/api/homework/log-entries/" + entry).then().statusCode(404);
        as(marc).get("/api/homework/log-entries/" + entry + "/attachments/" + file).then().statusCode(404);
        as(marc).get("/api/homework/classes/" + w.classA + "/visas").then().statusCode(404);
        as(marc).body(Map.of("teacherId", w.claire.id().toString(), "stampedOn", today.toString(), "comment", "x"))
                .post("/api/homework/classes/" + w.classA + "/visas").then().statusCode(404);
        // Inspecting is per school: a token of hers that lists only another school reads nothing of this one.
        as(fr.ent.testservers.TestTokens.inspector(w.inspector.id(), w.otherSchool)).get("/api/homework/classes/" + w.classA + "/log")
                .then().statusCode(404);
        as(helene).get("/api/homework/classes/" + w.classA + "/visas").then().body("size()", equalTo(2));
    }

    @Test
    void work_set_is_an_event_and_the_day_before_a_reminder_names_who_has_not_done_it_once() {
        UUID work = w.setWork("Exercices", "EXERCISE", today.plusDays(2), 20);
        TopicReader.Event set = TopicReader.await("ent.homework", work, "fr.ent.homework.work-set.v1", 1).get(0);
        assertThat(set.schoolId()).isEqualTo(w.school.toString());
        assertThat(set.data().get("pupilIds").toString()).contains(w.lea.id().toString(), w.hugo.id().toString());
        assertThat(set.value()).doesNotContain("Exercices");

        as(w.lea.token()).body(Map.of("done", true)).put("/api/homework/pupils/" + w.lea.id() + "/works/" + work + "/done")
                .then().statusCode(200);
        reminders.runOnce();
        assertThat(TopicReader.read("ent.homework", work).stream().filter(e -> e.type().endsWith("work-due-reminder.v1")))
                .isEmpty();
        World.at(today.plusDays(1), 17, 0);
        assertThat(reminders.runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(reminders.runOnce()).isZero();
        TopicReader.Event reminder = TopicReader.await("ent.homework", work, "fr.ent.homework.work-due-reminder.v1", 1).get(0);
        assertThat(reminder.data().get("pupilIds").toString()).contains(w.hugo.id().toString()).doesNotContain(w.lea.id().toString());
        as(w.claire.token()).get("/api/homework/works/" + work).then().statusCode(200).body("handInsClosedAt", nullValue());
    }

    /** A log entry of today's maths lesson in class A, with {@code more} fields. */
    private Map<String, Object> mathsLogEntryOfToday(String title, String content, Map<String, ?> more) {
        Map<String, Object> body = new HashMap<>(Map.of("classGroupId", w.classA.toString(), "subject", "MATHS",
                "lessonOn", today.toString(), "title", title, "content", content));
        body.putAll(more);
        return body;
    }
}
