package fr.ent.e2e;

import fr.ent.e2e.support.Browser;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.Platform;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.e2e.PortalIT.PAGE;
import static fr.ent.e2e.PortalIT.assertNoSeriousViolation;
import static fr.ent.e2e.PortalIT.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Homework in the portal: Claire Martin sets work for 4A from her cahier de textes and sees the
 * class's load on the due day (as homework-service counts it, with the warning when it goes above
 * the school's thresholds) before confirming; Léa finds it in her to-do list and ticks it done (the
 * service has it), opens it; Sophie reads it done in Léa's list. axe-core on each screen.
 */
class PortalHomeworkIT {

    private final UUID class4A = Demo.classOf("0750001A", "4A");
    private final UUID lea = Demo.person("lea").id();

    @Test
    void claire_sets_work_seeing_the_load_then_lea_ticks_it_done_and_sophie_reads_it() {
        String title = "Portail E2E " + UUID.randomUUID().toString().substring(0, 8);
        // whatever day the suite runs: the first weekday after tomorrow (visible at once, in Léa's 15 days)
        LocalDate due = LocalDate.now(Platform.SCHOOL_ZONE).plusDays(2);
        while (due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY) {
            due = due.plusDays(1);
        }

        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "claire");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Cahier de textes']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Cahier de textes"));
            Select classes = new Select(page.findElement(By.id("ct-classe")));
            // the demo's 4A is named « 4E A »; Claire teaches it maths
            classes.selectByVisibleText(classes.getOptions().stream().map(WebElement::getText)
                    .filter(t -> t.startsWith("4E A") && t.endsWith("Mathématiques")).findFirst().orElseThrow());
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Séances", "Travail donné", "Donner du travail")
                    .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
            assertNoSeriousViolation(page, "cahier de textes");

            // the class's load that day, before this work, as homework-service counts it
            Map<String, Object> load = Gateway.as("claire").queryParam("day", due.toString())
                    .get("/api/homework/classes/{id}/workload", class4A).then().statusCode(200).extract().jsonPath().getMap("$");
            Map<String, Object> settings = Gateway.as("claire").get("/api/homework/schools/{id}/workload-settings", Demo.school("jeanMoulin"))
                    .then().statusCode(200).extract().jsonPath().getMap("$");
            int count = (Integer) load.get("count") + 1;
            int minutes = (Integer) load.get("minutes") + 25;
            boolean above = count > (Integer) settings.get("maxWorksPerDay") || minutes > (Integer) settings.get("maxMinutesPerDay")
                    || (Integer) load.get("tests") > (Integer) settings.get("maxTestsPerDay");

            new Select(page.findElement(By.id("travail-type"))).selectByVisibleText("Exercices");
            page.findElement(By.id("travail-titre")).sendKeys(title);
            page.findElement(By.id("travail-consignes")).sendKeys("Exercices 3 et 4 page 52.");
            setValue(page, page.findElement(By.id("travail-minutes")), "25");
            setValue(page, page.findElement(By.id("travail-pour-le")), due.toString());
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".workload"), "Avec ce travail"));
            String workload = page.findElement(By.cssSelector(".workload")).getText();
            assertThat(workload).contains("Déjà prévu pour la classe ce jour-là : " + load.get("count") + " ")
                    .contains("Avec ce travail : " + count + " " + (count > 1 ? "travaux" : "travail") + ", " + minutes + " min");
            assertThat(page.findElements(By.cssSelector(".workload .warning[role='alert']"))).as("the warning above the school's thresholds")
                    .hasSize(above ? 1 : 0);
            assertNoSeriousViolation(page, "setting work with its workload");

            boolean warned = !page.findElements(By.cssSelector(".workload .warning")).isEmpty(); // the load's, or outside school hours
            page.findElement(By.xpath("//button[normalize-space()='Donner ce travail']")).click();
            // above the thresholds, or outside school hours (the suite may run at night): a second confirmation
            new WebDriverWait(page, PAGE).until(d -> !d.findElements(By.xpath("//p[@role='status'][starts-with(normalize-space(),'Travail donné')]")).isEmpty()
                    || !d.findElements(By.xpath("//button[normalize-space()='Confirmer malgré l’avertissement']")).isEmpty());
            List<WebElement> confirm = page.findElements(By.xpath("//button[normalize-space()='Confirmer malgré l’avertissement']"));
            assertThat(confirm.isEmpty()).as("a second confirmation asked only with a warning").isEqualTo(!warned);
            if (!confirm.isEmpty()) {
                confirm.get(0).click();
            }
            new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//p[@role='status'][starts-with(normalize-space(),'Travail donné pour le')]")));
        }
        JsonPath works = Gateway.as("claire").queryParam("from", due.toString()).queryParam("to", due.toString())
                .get("/api/homework/classes/{id}/works", class4A).then().statusCode(200).extract().jsonPath();
        String work = works.getString("find { it.title == '" + title + "' }.id");
        assertThat(work).as("the work set from the portal").isNotNull();
        assertThat(works.getInt("find { it.title == '" + title + "' }.estimatedMinutes")).isEqualTo(25);

        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "lea");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Travail à faire']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Travail à faire"));
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            By item = By.xpath("//li[contains(@class,'work')][.//a[normalize-space()='" + title + "']]");
            WebElement line = new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(item));
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Mathématiques").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
            assertNoSeriousViolation(page, "pupil's to-do list");

            WebElement tick = line.findElement(By.cssSelector("input[type='checkbox']"));
            assertThat(tick.isSelected()).isFalse();
            tick.click();
            assertThat(page.findElement(item).findElement(By.cssSelector("input[type='checkbox']")).isSelected()).isTrue();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//p[@role='status'][normalize-space()='« " + title + " » est marqué fait.']")));
            JsonPath todo = Gateway.as("lea").get("/api/homework/pupils/{id}/todo", lea).then().statusCode(200).extract().jsonPath();
            assertThat(todo.getBoolean("days.subjects.flatten().works.flatten().find { it.workId == '" + work + "' }.done")).isTrue();
            assertThat((String) ((JavascriptExecutor) page).executeScript("return localStorage.getItem('ent.offline.todo')"))
                    .as("the list kept for offline reading").contains(title);

            page.findElement(item).findElement(By.tagName("a")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Consignes", "Exercices 3 et 4 page 52.", "25 min");
            assertNoSeriousViolation(page, "a work's detail");
        }

        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "sophie");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour Sophie"));
            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Travail de Léa']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.urlToBe(PortalIT.PORTAL + "travail/" + lea));
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Travail de Léa"));
            WebElement line = new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//li[contains(@class,'work')][.//a[normalize-space()='" + title + "']]")));
            assertThat(line.findElements(By.cssSelector("input[type='checkbox']"))).as("a guardian reads, does not tick").isEmpty();
            assertThat(line.findElement(By.cssSelector(".state")).getText()).isEqualTo("Fait");
            assertNoSeriousViolation(page, "a child's to-do list");
        }
    }

    /**
     * Sets a field as typing would, in one go: a date input takes typed digits in the browser's
     * locale order, a number input keeps its default when cleared; React sees the input event.
     */
    private static void setValue(WebDriver page, WebElement input, String value) {
        ((JavascriptExecutor) page).executeScript(
                "const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
                        + "set.call(arguments[0], arguments[1]); arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                input, value);
    }
}
