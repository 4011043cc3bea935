package fr.ent.timetable;

import fr.ent.directory.DirectoryProjection;
import fr.ent.testservers.PostgresAndKafka;
import fr.ent.timetable.importing.ImportJob;
import fr.ent.timetable.week.Weeks;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.timetable.World.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** Staff import a timetable from CSV or iCalendar: dry run, all-or-nothing apply as a job, idempotent re-import. */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
class ImportTest {

    @Inject
    DirectoryProjection projection;

    @Inject
    EntityManager em;

    @Inject
    SchoolClock clock;

    World w;
    String imports;
    String lessons;

    @BeforeEach
    void seed() {
        w = World.create(projection, 2).withCalendar();
        imports = "/api/timetable/schools/" + w.school + "/imports";
        lessons = "/api/timetable/schools/" + w.school + "/lessons";
    }

    static byte[] file(String name) {
        try (InputStream in = ImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Response post(byte[] body, String type, boolean dryRun) {
        return as(w.cpeToken()).contentType(type + "; charset=UTF-8").body(body)
                .post(imports + (dryRun ? "?dryRun=true" : ""));
    }

    /** Applies the file and waits for its job to finish; the finished job. */
    JsonPath apply(byte[] body, String type) {
        Response started = post(body, type, false);
        started.then().statusCode(202).header("Location", org.hamcrest.Matchers.containsString("/imports/"));
        String location = started.header("Location");
        for (int i = 0; i < 300; i++) {
            JsonPath job = as(w.cpeToken()).get(location).then().statusCode(200).extract().jsonPath();
            assertThat(job.getString("state")).isIn("QUEUED", "RUNNING", "DONE", "FAILED");
            if (job.getString("state").equals("DONE") || job.getString("state").equals("FAILED")) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("import still running: " + location);
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<Map<String, Object>> planned() {
        return as(w.cpeToken()).get(lessons).then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void a_class_week_from_csv_dry_run_writes_nothing_apply_creates_it_and_the_week_shows_it() {
        byte[] csv = file("4A-week.csv");
        post(csv, "text/csv", true).then().statusCode(200)
                .body("format", equalTo("CSV"))
                .body("lines", equalTo(7))
                .body("toCreate", hasSize(7))
                .body("errors", hasSize(0))
                .body("toCreate.line", hasItem(8));
        assertThat(planned()).isEmpty();

        JsonPath job = apply(csv, "text/csv");
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getInt("processed")).isEqualTo(7);
        assertThat(job.getInt("total")).isEqualTo(7);
        assertThat(job.getList("report.toCreate")).hasSize(7);
        assertThat(planned()).hasSize(7);

        LocalDate tuesday = World.next(DayOfWeek.TUESDAY);
        as(w.guardianToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week?week=" + Weeks.label(tuesday))
                .then().statusCode(200).body("occurrences.subject", hasItem("Mathématiques"))
                .body("occurrences.findAll { it.date == '" + tuesday + "' }.slot", hasItem("M3"));
    }

    @Test
    void an_error_on_line_7_names_the_line_and_field_and_nothing_is_written() {
        byte[] bad = file("4A-week-error-line-7.csv");
        post(bad, "text/csv", true).then().statusCode(200)
                .body("errors", hasSize(1)).body("errors[0].line", equalTo(7)).body("errors[0].field", equalTo("teacher"));
        post(bad, "text/csv", false).then().statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].line", equalTo(7))
                .body("errors[0].field", equalTo("teacher"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("Jean Inconnu"));
        assertThat(planned()).isEmpty();
    }

    @Test
    void re_importing_the_same_file_changes_nothing_and_a_removed_line_ends_its_lesson() {
        byte[] csv = file("4A-week.csv");
        apply(csv, "text/csv");
        List<Map<String, Object>> before = planned();

        JsonPath again = apply(csv, "text/csv");
        assertThat(again.getString("state")).isEqualTo("DONE");
        assertThat(again.getList("report.toCreate")).isEmpty();
        assertThat(again.getList("report.toEnd")).isEmpty();
        assertThat(again.getList("report.unchanged")).hasSize(7);
        assertThat(planned()).isEqualTo(before);

        JsonPath without = apply(file("4A-week-without-friday.csv"), "text/csv");
        assertThat(without.getString("state")).isEqualTo("DONE");
        assertThat(without.getList("report.toCreate")).isEmpty();
        assertThat(without.getList("report.toEnd")).hasSize(1);
        assertThat(without.getString("report.toEnd[0].dayOfWeek")).isEqualTo("FRIDAY");
        LocalDate friday = World.next(DayOfWeek.FRIDAY);
        // The Friday lesson never took place (it was imported today): it is gone, or ends before its next occurrence.
        assertThat(planned()).noneMatch(l -> "FRIDAY".equals(l.get("dayOfWeek"))
                && !LocalDate.parse((String) l.get("endsOn")).isBefore(friday));
        assertThat(planned()).hasSize(6);
    }

    @Test
    void an_icalendar_file_with_a_weekly_rrule_is_imported() {
        LocalDate tuesday = World.next(DayOfWeek.TUESDAY);
        byte[] ics = new String(file("4A-maths.ics"), StandardCharsets.UTF_8)
                .replace("{{TUESDAY}}", tuesday.toString().replace("-", "")).getBytes(StandardCharsets.UTF_8);
        JsonPath job = apply(ics, "text/calendar");
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getString("format")).isEqualTo("ICALENDAR");
        List<Map<String, Object>> all = planned();
        assertThat(all).hasSize(2);
        assertThat(all).anySatisfy(l -> {
            assertThat(l.get("subject")).isEqualTo("Mathématiques");
            assertThat(l.get("recurrence")).isEqualTo("WEEKLY");
            assertThat(l.get("slot")).isEqualTo("M3");
            assertThat(l.get("roomId")).isEqualTo(w.room("B12").toString());
        });
        assertThat(all).anySatisfy(l -> {
            assertThat(l.get("recurrence")).isEqualTo("ONCE");
            assertThat(l.get("slot")).isEqualTo("S1");
            assertThat(l.get("startsOn")).isEqualTo(tuesday.toString());
        });
        // The same file again: nothing new.
        assertThat(apply(ics, "text/calendar").getList("report.unchanged")).hasSize(2);
        assertThat(planned()).hasSize(2);
    }

    @Test
    void a_csv_slot_range_imports_one_lesson_over_several_slots_and_a_range_backwards_is_refused() {
        String header = "slot;day;week;subject;teacher;classes;room\n";
        byte[] backwards = (header + "M2-M1;mardi;;EPS;Anne Martin;4A;\n").getBytes(StandardCharsets.UTF_8);
        post(backwards, "text/csv", false).then().statusCode(422)
                .body("errors[0].line", equalTo(2))
                .body("errors[0].field", equalTo("slot"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("après M2"));
        assertThat(planned()).isEmpty();

        byte[] csv = (header + "M1-M2;mardi;;EPS;Anne Martin;4A;\nM3;mardi;;Mathématiques;Anne Martin;4A;B12\n")
                .getBytes(StandardCharsets.UTF_8);
        JsonPath job = apply(csv, "text/csv");
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(job.getList("report.toCreate.endSlot")).containsExactlyInAnyOrder("M2", null);
        assertThat(planned()).hasSize(2).anySatisfy(l -> {
            assertThat(l.get("subject")).isEqualTo("EPS");
            assertThat(l.get("slot")).isEqualTo("M1");
            assertThat(l.get("endSlot")).isEqualTo("M2");
        });
        LocalDate tuesday = World.next(DayOfWeek.TUESDAY);
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week?week=" + Weeks.label(tuesday)).then()
                .body("occurrences.findAll { it.date == '" + tuesday + "' }.subject", contains("EPS", "Mathématiques"))
                .body("occurrences.findAll { it.date == '" + tuesday + "' }.endsAt", contains("09:55:00", "11:00:00"));
        // the same file again: the same lessons
        assertThat(apply(csv, "text/csv").getList("report.unchanged")).hasSize(2);
    }

    @Test
    void an_icalendar_event_over_two_slots_is_one_lesson_over_both() {
        LocalDate tuesday = World.next(DayOfWeek.TUESDAY);
        String text = new String(file("4A-eps-double.ics"), StandardCharsets.UTF_8)
                .replace("{{TUESDAY}}", tuesday.toString().replace("-", ""));
        JsonPath job = apply(text.getBytes(StandardCharsets.UTF_8), "text/calendar");
        assertThat(job.getString("state")).isEqualTo("DONE");
        assertThat(planned()).singleElement().satisfies(l -> {
            assertThat(l.get("slot")).isEqualTo("M2");
            assertThat(l.get("endSlot")).isEqualTo("M3");
            assertThat(l.get("recurrence")).isEqualTo("WEEKLY");
        });
        as(w.pupilToken(0)).get("/api/timetable/pupils/" + w.pupil(0) + "/week?week=" + Weeks.label(tuesday)).then()
                .body("occurrences[0].startsAt", equalTo("09:00:00"))
                .body("occurrences[0].endsAt", equalTo("11:00:00"));
        // an end that is no slot's end is still an error on DTSTART
        byte[] offEnd = text.replace("T110000", "T104500").replace("eps-4a-tuesday", "eps-off").getBytes(StandardCharsets.UTF_8);
        post(offEnd, "text/calendar", true).then().statusCode(200)
                .body("errors[0].uid", equalTo("eps-off@ent.example"))
                .body("errors[0].field", equalTo("DTSTART"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("09:00 à 10:45"));
    }

    @Test
    void an_event_outside_the_slots_is_refused_naming_its_uid_and_line() {
        LocalDate tuesday = World.next(DayOfWeek.TUESDAY);
        byte[] ics = new String(file("off-slot.ics"), StandardCharsets.UTF_8)
                .replace("{{TUESDAY}}", tuesday.toString().replace("-", "")).getBytes(StandardCharsets.UTF_8);
        post(ics, "text/calendar", false).then().statusCode(422)
                .body("errors[0].uid", equalTo("off-slot@ent.example"))
                .body("errors[0].line", equalTo(4))
                .body("errors[0].field", equalTo("DTSTART"));
        assertThat(planned()).isEmpty();
    }

    @Test
    void malformed_files_are_400_and_a_file_not_in_utf8_too() {
        post(file("missing-columns.csv"), "text/csv", false).then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("malformed-file"));
        post(file("malformed.ics"), "text/calendar", false).then().statusCode(400)
                .body("type", org.hamcrest.Matchers.endsWith("malformed-file"));
        byte[] latin1 = "slot;day;week;subject;teacher;classes;room\nM1;lundi;;Mathématiques;Anne Martin;4A;B12\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        post(latin1, "text/csv", false).then().statusCode(400).body("type", org.hamcrest.Matchers.endsWith("file-not-utf8"));
        assertThat(planned()).isEmpty();
    }

    @Test
    void only_the_school_staff_import_and_read_imports() {
        byte[] csv = file("4A-week.csv");
        as(w.otherCpeToken()).contentType("text/csv").body(csv).post(imports).then().statusCode(404);
        as(w.teacherAToken()).contentType("text/csv").body(csv).post(imports).then().statusCode(403);
        Response started = post(csv, "text/csv", false);
        started.then().statusCode(202);
        as(w.otherCpeToken()).get(started.header("Location")).then().statusCode(404);
        as(w.cpeToken()).get("/api/timetable/schools/" + w.otherSchool + "/imports/" + started.jsonPath().getString("id"))
                .then().statusCode(404);
        // Let the job finish before the next test's world.
        for (int i = 0; i < 300 && !as(w.cpeToken()).get(started.header("Location")).jsonPath().getString("state").matches("DONE|FAILED"); i++) {
            sleep();
        }
    }

    @Test
    void a_job_left_running_by_a_restart_is_reported_failed_and_can_be_started_again() {
        // a job an earlier instance was running when it stopped: made 31 minutes ago, never finished
        UUID stale = runningJobMade(Duration.ofMinutes(31));
        JsonPath job = as(w.cpeToken()).get(imports + "/" + stale).then().statusCode(200).extract().jsonPath();
        assertThat(job.getString("state")).isEqualTo("FAILED");
        assertThat(job.getString("finishedAt")).isNotNull();
        assertThat(job.getString("report.errors[0].message")).contains("interrompu").contains("relancez");
        assertThat(planned()).isEmpty();
        // a job of a few minutes is still running, not abandoned
        UUID recent = runningJobMade(Duration.ofMinutes(5));
        as(w.cpeToken()).get(imports + "/" + recent).then().statusCode(200).body("state", equalTo("RUNNING"));
        // started again, the import goes through
        assertThat(apply(file("4A-week.csv"), "text/csv").getString("state")).isEqualTo("DONE");
        assertThat(planned()).hasSize(7);
    }

    /** A RUNNING job of this world's school, as an instance that stopped would have left it. */
    private UUID runningJobMade(Duration ago) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.schoolId = w.school;
        job.format = "CSV";
        job.state = ImportJob.State.RUNNING;
        job.total = 7;
        job.processed = 3;
        job.createdBy = w.cpe;
        job.createdAt = clock.now().minus(ago);
        QuarkusTransaction.requiringNew().run(() -> em.persist(job));
        return job.id;
    }
}
