package fr.ent.e2e;

import fr.ent.e2e.support.Browser;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.Platform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Screenshots for the closing note, at a phone's width (390×844) and a desktop's (1366×900): the
 * guardian's home, Léa's marks page and the mailbox (Sophie Dubois), Léa's to-do list, and Claire
 * Martin's roll call of 4A's latest lesson. Saved under e2e/target/screenshots; each must be a PNG with something in it.
 */
class PortalScreenshotsIT {

    private static final Path DIR = Path.of("target", "screenshots");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final Map<String, Dimension> WIDTHS = Map.of("phone", new Dimension(390, 844), "desktop", new Dimension(1366, 900));

    @Test
    void guardians_home_marks_page_and_roll_call_at_phone_and_desktop_widths() throws IOException {
        Files.createDirectories(DIR);
        UUID lea = Demo.person("lea").id();
        try (Browser browser = Browser.start("fr-FR,fr")) {
            ChromeDriver page = browser.driver();
            PortalIT.signIn(page, "sophie");
            // the sign-in ends on the home: reloading before it would cut the code exchange short
            new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour Sophie"));
            for (var width : WIDTHS.entrySet()) {
                page.manage().window().setSize(width.getValue());
                page.get(PortalIT.PORTAL);
                new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour Sophie"));
                settle(page);
                save(page, "guardian-home-" + width.getKey());
                PortalIT.openMarksOfLea(page, lea);
                save(page, "marks-" + width.getKey());
                page.get(PortalIT.PORTAL + "messagerie");
                new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".mail-list h2")));
                settle(page);
                save(page, "mailbox-" + width.getKey());
            }
        }
        // Léa's to-do list (whatever it holds today: work of the coming 15 days, or that there is none)
        try (Browser browser = Browser.start("fr-FR,fr")) {
            ChromeDriver page = browser.driver();
            PortalIT.signIn(page, "lea");
            new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            for (var width : WIDTHS.entrySet()) {
                page.manage().window().setSize(width.getValue());
                page.get(PortalIT.PORTAL + "travail");
                new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Travail à faire"));
                settle(page);
                save(page, "todo-" + width.getKey());
            }
        }
        // Claire's roll call of 4A: a lesson already over when there is one; otherwise (a platform started
        // today: its timetable begins tomorrow) an exceptional lesson the CPE adds through the API for 4A
        // with Claire, later today when a slot is left, else on the next school day (a Sunday, a holiday,
        // the evening); the screen opens its register either way. The lesson is ended afterwards.
        Optional<String> over = latestLessonOf4A();
        AddedLesson added = over.isPresent() ? null : addLessonOf4A();
        String rollCall = over.orElseGet(() -> added.rollCall());
        try (Browser browser = Browser.start("fr-FR,fr")) {
            ChromeDriver page = browser.driver();
            PortalIT.signIn(page, "claire");
            new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            for (var width : WIDTHS.entrySet()) {
                page.manage().window().setSize(width.getValue());
                page.get(PortalIT.PORTAL + rollCall.substring(1));
                new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Appel"));
                // the class list drawn: one fieldset per pupil, Léa among them
                new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//fieldset/legend[contains(normalize-space(), 'Léa')]")));
                settle(page);
                save(page, "roll-call-" + width.getKey());
            }
        } finally {
            if (added != null) {
                added.end();
            }
        }
        List<String> shots = List.of("guardian-home", "marks", "mailbox", "todo", "roll-call");
        for (String name : shots) {
            for (String width : WIDTHS.keySet()) {
                byte[] png = Files.readAllBytes(DIR.resolve(name + "-" + width + ".png"));
                assertThat(png.length).as(name + " at " + width).isGreaterThan(2_000);
                assertThat(Arrays.copyOf(png, 8)).as(name + " at " + width + " is a PNG").isEqualTo(PNG_SIGNATURE);
            }
        }
    }

    /**
     * The roll call page of Claire's latest lesson of 4A already over (the API refuses a roll call before
     * the lesson): /appel/{occurrence}/{class}. Opening it opens the register (or shows the one taken).
     */
    private static Optional<String> latestLessonOf4A() {
        UUID class4A = Demo.classOf("0750001A", "4A");
        UUID claire = Demo.person("claire").id();
        LocalDate today = LocalDate.now(Platform.SCHOOL_ZONE);
        for (int back = 0; back < 21; back++) {
            List<Map<String, Object>> lessons = Gateway.as("claire").queryParam("date", today.minusDays(back).toString())
                    .get("/api/attendance/teachers/{id}/lessons", claire).then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> l : lessons) {
                boolean over = back > 0 || java.time.LocalTime.parse((String) l.get("endsAt"))
                        .isBefore(java.time.LocalTime.now(Platform.SCHOOL_ZONE));
                if (over && !Boolean.TRUE.equals(l.get("cancelled")) && String.valueOf(l.get("classIds")).contains(class4A.toString())) {
                    return Optional.of("/appel/" + l.get("occurrenceId") + "/" + class4A);
                }
            }
        }
        return Optional.empty();
    }

    private static final String ADDED_SUBJECT = "E2E Appel (capture)";

    /** An exceptional lesson added for the screenshot: its roll call page, and a way to end it. */
    private record AddedLesson(String lessonId, LocalDate date, String rollCall) {
        void end() {
            int status = Gateway.as("cpe").body(Map.of("from", date.toString())).post("/api/timetable/lessons/{id}/end", lessonId).statusCode();
            if (status != 200 && status != 204) {
                System.out.println("PortalScreenshotsIT: the added lesson " + lessonId + " could not be ended (" + status + ")");
            }
        }
    }

    /**
     * Adds, as the CPE, a lesson once ({@code POST /exceptional-lessons}) for 4A with Claire Martin at the
     * first slot that starts at least 10 minutes from now (platform time, school zone) today, or at the
     * first slot of a later day where the school has lessons and Claire and 4A are free (timetable-service
     * refuses a day without lessons with a 400 on {@code date}, a clash or a past slot with a 409; the
     * next slot or day is tried). Then waits for attendance-service to list it among Claire's lessons
     * of that day (it learns it from timetable's event), and answers /appel/{occurrence}/{class}.
     */
    private static AddedLesson addLessonOf4A() {
        UUID school = Demo.school("jeanMoulin");
        UUID class4A = Demo.classOf("0750001A", "4A");
        UUID claire = Demo.person("claire").id();
        List<Map<String, Object>> slots = Gateway.as("cpe").get("/api/timetable/schools/{id}/calendar", school)
                .then().statusCode(200).extract().jsonPath().getList("slots");
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(Platform.SCHOOL_ZONE);
        for (int ahead = 0; ahead < 21; ahead++) {
            LocalDate day = now.toLocalDate().plusDays(ahead);
            for (Map<String, Object> slot : slots) {
                java.time.LocalTime startsAt = java.time.LocalTime.parse((String) slot.get("startsAt"));
                if (ahead == 0 && !day.atTime(startsAt).atZone(Platform.SCHOOL_ZONE).isAfter(now.plusMinutes(10))) {
                    continue;
                }
                io.restassured.response.Response answer = Gateway.as("cpe").body(Map.of("subject", ADDED_SUBJECT,
                                "teacherIds", List.of(claire.toString()), "classIds", List.of(class4A.toString()),
                                "slot", slot.get("code"), "recurrence", "ONCE", "date", day.toString()))
                        .post("/api/timetable/schools/{id}/exceptional-lessons", school);
                if (answer.statusCode() == 201) {
                    String lessonId = answer.jsonPath().getString("id");
                    return new AddedLesson(lessonId, day, "/appel/" + occurrenceOf(claire, lessonId, day) + "/" + class4A);
                }
                if (answer.statusCode() == 400) {
                    break; // no lessons that day (Sunday, holiday, outside the school year): the next day
                }
                assertThat(answer.statusCode()).as("adding a lesson at %s %s: %s", day, slot.get("code"), answer.asString()).isEqualTo(409);
            }
        }
        throw new AssertionError("no slot left for an exceptional lesson of 4A with Claire Martin in the next 21 days");
    }

    /** The occurrence of the added lesson in Claire's lessons of that day, once attendance-service knows it. */
    private static String occurrenceOf(UUID claire, String lessonId, LocalDate day) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Map<String, Object>> lessons = Gateway.as("claire").queryParam("date", day.toString())
                    .get("/api/attendance/teachers/{id}/lessons", claire).then().statusCode(200).extract().jsonPath().getList("$");
            Optional<String> found = lessons.stream().map(l -> String.valueOf(l.get("occurrenceId")))
                    .filter(id -> id.startsWith(lessonId)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(System.nanoTime()).as("attendance-service lists the added lesson %s within 60 s", lessonId).isLessThan(deadline);
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void settle(WebDriver page) {
        new WebDriverWait(page, PortalIT.PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
    }

    private static void save(ChromeDriver page, String name) {
        try {
            Files.write(DIR.resolve(name + ".png"), page.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
