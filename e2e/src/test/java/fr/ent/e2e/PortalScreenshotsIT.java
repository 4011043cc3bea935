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
        // On a platform started today the timetable begins tomorrow (only future occurrences are
        // planned): no lesson is over yet, and the roll call has no screenshot this time.
        java.util.Optional<String> lesson = latestLessonOf4A();
        List<String> shots = lesson.isPresent() ? List.of("guardian-home", "marks", "mailbox", "todo", "roll-call") : List.of("guardian-home", "marks", "mailbox", "todo");
        if (lesson.isPresent()) try (Browser browser = Browser.start("fr-FR,fr")) {
            String rollCall = lesson.get();
            ChromeDriver page = browser.driver();
            PortalIT.signIn(page, "claire");
            new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            for (var width : WIDTHS.entrySet()) {
                page.manage().window().setSize(width.getValue());
                page.get(PortalIT.PORTAL + rollCall.substring(1));
                new WebDriverWait(page, PortalIT.PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Appel"));
                settle(page);
                save(page, "roll-call-" + width.getKey());
            }
        }
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
    private static java.util.Optional<String> latestLessonOf4A() {
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
                    return java.util.Optional.of("/appel/" + l.get("occurrenceId") + "/" + class4A);
                }
            }
        }
        return java.util.Optional.empty();
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
