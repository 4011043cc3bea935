package fr.ent.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.ent.e2e.support.Browser;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.Platform;
import fr.ent.e2e.support.RollCalls;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in headless Chromium, as a family uses it: served by the gateway at /, signed in on
 * the real Keycloak page, the guardian's home drawn from the public APIs in a handful of calls, a
 * roll call by Claire Martin appearing live on Sophie Dubois's open page, and axe-core finding no
 * serious or critical accessibility violation on the screens visited.
 */
class PortalIT {

    static final Duration PAGE = Duration.ofSeconds(60);
    private static final Duration DELIVERY = Duration.ofSeconds(90);
    /** How often the home is looked at while timing it. */
    private static final Duration HOME_LOOK = Duration.ofMillis(20);
    static final String PORTAL = Platform.GATEWAY + "/";

    @Test
    void sophie_sees_a_block_per_child_and_leas_absence_appears_live_on_her_open_page() {
        UUID class4A = Demo.classOf("0750001A", "4A");
        // absences are told in the app by default; someone may have changed Sophie's preference
        Gateway.as("sophie").body(Map.of("mode", "IMMEDIATE"))
                .put("/api/notification/preferences/absence/{channel}", "IN_APP").then().statusCode(200);

        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            page.get(PORTAL);
            WebElement signIn = new WebDriverWait(page, PAGE).until(
                    ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Se connecter']")));
            assertThat(page.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
            assertNoSeriousViolation(page, "welcome");

            signIn.click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            page.findElement(By.id("username")).sendKeys(Demo.person("sophie").username());
            page.findElement(By.id("password")).sendKeys(Demo.password());
            long sent = System.nanoTime();
            page.findElement(By.id("kc-login")).click();

            // One wait looked at every 20 ms (WebDriverWait's default, 500 ms between looks, would add up
            // to half a second to the figure): greeted, nothing loading any more, the stream connected.
            new WebDriverWait(page, PAGE, HOME_LOOK).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> h1 = d.findElements(By.tagName("h1"));
                List<WebElement> live = d.findElements(By.cssSelector(".live"));
                return !h1.isEmpty() && h1.get(0).getText().contains("Bonjour Sophie")
                        && d.findElements(By.cssSelector(".loading")).isEmpty()
                        && !live.isEmpty() && live.get(0).getText().contains("en direct");
            });
            long drawnMs = (System.nanoTime() - sent) / 1_000_000;
            System.out.printf("guardian's home drawn %d ms after the sign-in form was sent%n", drawnMs);
            assertThat(page.getCurrentUrl()).isEqualTo(PORTAL);

            List<String> children = page.findElements(By.cssSelector("article.child h2")).stream().map(WebElement::getText).toList();
            assertThat(children).hasSize(2);
            assertThat(children.get(0)).startsWith("Hugo");
            assertThat(children.get(1)).startsWith("Léa");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Aujourd’hui", "Demain", "Absences à justifier")
                    .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");

            // /me, the home's read model (every child's work due, latest marks, absences to justify,
            // unread messages: GET /api/notification/home), per child one week (next week's on a
            // Sunday), the inbox: 5 for two children; plus the stream, still open (not a finished
            // resource yet), which "en direct" showed connected
            @SuppressWarnings("unchecked")
            List<String> calls = (List<String>) ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                    "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"
                            + ".filter(p => p.startsWith('/api/'))");
            System.out.printf("guardian's home: %d API calls and the stream %s%n", calls.size(), calls);
            // where the time went after Keycloak's redirect: each request's start and end (ms since the page opened)
            System.out.println("guardian's home timeline: " + ((org.openqa.selenium.JavascriptExecutor) page).executeScript(
                    "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname.replace(/[0-9a-f-]{36}/g, '{id}')"
                            + " + ' ' + Math.round(e.startTime) + '→' + Math.round(e.responseEnd)).join(', ')"));
            assertThat(calls).hasSize(5).contains("/api/notification/home");
            assertNoSeriousViolation(page, "guardian's home");

            // Léa's work due and latest marks, as the home's read model answers them, are on the page
            UUID lea = Demo.person("lea").id();
            var home = Gateway.as("sophie").get("/api/notification/home").then().statusCode(200).extract().jsonPath();
            String leaBlock = page.findElements(By.cssSelector("article.child")).get(1).getText();
            assertThat(leaBlock).contains("Travail à faire", "Dernières notes", "Absences à justifier");
            List<String> work = home.getList("children.find { it.id == '" + lea + "' }.workDue.text", String.class);
            List<String> latest = home.getList("children.find { it.id == '" + lea + "' }.latestMarks.text", String.class);
            assertThat(leaBlock).contains(work).contains(latest);
            List<Object> marks = Gateway.as("sophie").get("/api/grades/pupils/{id}/marks", lea).then().statusCode(200)
                    .extract().jsonPath().getList("$");
            assertThat(latest).as("Léa's latest marks on the home (5 at most), since grades-service shows Sophie %d", marks.size())
                    .hasSizeBetween(marks.isEmpty() ? 0 : 1, 5);
            System.out.printf("guardian's home: Léa's work due %s, latest marks %s%n", work, latest);

            String before = page.findElement(By.cssSelector(".notifications")).getText();
            RollCalls.Taken rollCall = RollCalls.takeWithOneAbsent("claire", class4A, "lea", "cpe");
            assertThat(rollCall.absenceId()).isNotNull();
            new WebDriverWait(page, DELIVERY).until(d -> {
                List<WebElement> first = d.findElements(By.cssSelector(".notification-list li"));
                return !first.isEmpty() && first.get(0).getText().contains("Léa")
                        && !d.findElement(By.cssSelector(".notifications")).getText().equals(before);
            });
            WebElement notice = page.findElement(By.cssSelector(".notification-list li"));
            assertThat(notice.getDomAttribute("class")).isEqualTo("unread-item");
            assertThat(page.findElement(By.cssSelector(".bar .unread")).getText()).matches("\\d+ non lues?");
        }
    }

    @Test
    void the_cpe_reads_the_schools_day_as_the_api_counts_it() {
        UUID jeanMoulin = Demo.school("jeanMoulin");
        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "cpe");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Vie scolaire"));
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            String main = page.findElement(By.tagName("main")).getText();
            assertThat(main).contains("La journée", "Appels non faits", "Justificatifs à traiter", "Changements d’emploi du temps", "Absences des enseignants")
                    .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");

            // the page shows what attendance-service counts for the school's day
            int pupilsAbsent = Gateway.as("cpe").queryParam("date", LocalDate.now(Platform.SCHOOL_ZONE).toString())
                    .get("/api/attendance/schools/{id}/day", jeanMoulin).then().statusCode(200)
                    .extract().path("counts.pupilsAbsent");
            String shown = page.findElement(By.xpath("//dl[@class='counts']/div[dt='Élèves absents']/dd")).getText();
            assertThat(Integer.parseInt(shown)).isEqualTo(pupilsAbsent);
            int pending = Gateway.as("cpe").queryParam("status", "PENDING")
                    .get("/api/attendance/schools/{id}/justifications", jeanMoulin).then().statusCode(200)
                    .extract().path("size()");
            assertThat(page.findElement(By.id("justificatifs")).getText()).isEqualTo("Justificatifs à traiter (" + pending + ")");
            assertNoSeriousViolation(page, "vie scolaire");

            // Léa's audit trail: found by name, told in French, nobody named by an id
            page.findElement(By.id("audit-q")).sendKeys(Demo.person("lea").lastName());
            page.findElement(By.xpath("//form[contains(@class,'search')]//button")).click();
            String lea = Demo.person("lea").firstName() + " " + Demo.person("lea").lastName();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//ul[@class='choices']//button[normalize-space()='" + lea + "']"))).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#traces ~ h3"), lea));
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            assertThat(page.findElement(By.tagName("main")).getText()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
            assertNoSeriousViolation(page, "audit trail");
        }
    }

    @Test
    void sophie_chooses_a_daily_digest_of_lateness_by_email() {
        String before = Gateway.as("sophie").get("/api/notification/preferences").then().statusCode(200)
                .extract().path("find { it.type == 'lateness' && it.channel == 'EMAIL' }.mode");
        String wanted = "DIGEST".equals(before) ? "IMMEDIATE" : "DIGEST";
        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "sophie");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour Sophie"));
            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Réglages']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mes réglages"));
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            assertThat(page.getCurrentUrl()).isEqualTo(PORTAL + "reglages");
            assertNoSeriousViolation(page, "settings");

            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("pref-lateness-EMAIL"))).selectByValue(wanted);
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".success"), "Enregistré"));
            String stored = Gateway.as("sophie").get("/api/notification/preferences").then().statusCode(200)
                    .extract().path("find { it.type == 'lateness' && it.channel == 'EMAIL' }.mode");
            assertThat(stored).isEqualTo(wanted);
        } finally {
            Gateway.as("sophie").body(Map.of("mode", before))
                    .put("/api/notification/preferences/lateness/{channel}", "EMAIL").then().statusCode(200);
        }
    }

    @Test
    void claire_opens_her_week_and_her_absences() {
        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "claire");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Ma semaine']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Ma semaine"));
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            assertThat(page.findElement(By.tagName("main")).getText()).contains("lundi").doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
            assertNoSeriousViolation(page, "teacher's week");

            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Mes absences']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mes absences"));
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Déclarer une absence", "Absences déclarées")
                    .doesNotContain("motif :");
            assertNoSeriousViolation(page, "teacher's absences");

            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Notifications']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Mes notifications"));
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            assertNoSeriousViolation(page, "inbox");
        }
    }

    @Test
    void sophie_reads_leas_marks_with_the_class_average_how_they_were_computed_and_the_chart() {
        UUID lea = Demo.person("lea").id();
        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "sophie");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour Sophie"));
            openMarksOfLea(page, lea);
            String main = page.findElement(By.tagName("main")).getText();
            assertThat(main).contains("Dernières notes", "Moyenne de la classe", "Moyenne générale", "Bulletin")
                    .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
            // the API's figures, as the page shows them (a decimal comma)
            List<Map<String, Object>> marks = Gateway.as("sophie").get("/api/grades/pupils/{id}/marks", lea)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(marks).as("Léa's marks the demo data published").isNotEmpty();
            assertThat(page.findElements(By.cssSelector("section[aria-labelledby='dernieres'] tbody tr")))
                    .hasSize(Math.min(5, marks.size()));
            assertNoSeriousViolation(page, "marks page");

            page.findElement(By.xpath("//summary[normalize-space()='Comment est-elle calculée ?']")).click();
            assertThat(page.findElement(By.cssSelector(".averages details[open]")).getText()).contains("Prise en compte", "Coef.");
            page.findElement(By.xpath("//button[normalize-space()='Voir le graphique']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".chart canvas[role='img']")));
            assertThat(page.findElement(By.cssSelector(".chart canvas")).getDomAttribute("aria-label")).startsWith("Évolution en ");
            assertNoSeriousViolation(page, "marks page with its chart");

            page.findElement(By.xpath("//button[normalize-space()='Simuler une note']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("si-note"))).sendKeys("20");
            page.findElement(By.xpath("//button[normalize-space()='Calculer']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Moyennes imaginées"));
            assertNoSeriousViolation(page, "what if");
        }
    }

    /** From the guardian's home, Léa's block links to her marks; the page loads without a spinner left. */
    static void openMarksOfLea(WebDriver page, UUID lea) {
        new WebDriverWait(page, PAGE).until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='Notes de Léa']"))).click();
        new WebDriverWait(page, PAGE).until(ExpectedConditions.urlToBe(PORTAL + "notes/" + lea));
        new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Notes de Léa"));
        new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty()
                && !d.findElements(By.cssSelector(".general")).isEmpty());
    }

    @Test
    void claire_creates_an_assessment_and_types_its_marks_from_the_keyboard() {
        UUID class4A = Demo.classOf("0750001A", "4A");
        String title = "Portail " + UUID.randomUUID().toString().substring(0, 8);
        // the assessment is dated today (the form's default): it needs an open period of 4A covering today
        LocalDate today = LocalDate.now(Platform.SCHOOL_ZONE);
        List<Map<String, Object>> periods = Gateway.as("claire").queryParam("classGroupId", class4A)
                .get("/api/grades/schools/{id}/periods", Demo.school("jeanMoulin")).then().statusCode(200).extract().jsonPath().getList("$");
        org.junit.jupiter.api.Assumptions.assumeTrue(periods.stream().anyMatch(p -> !Boolean.TRUE.equals(p.get("locked"))
                && !today.isBefore(LocalDate.parse((String) p.get("startsOn"))) && !today.isAfter(LocalDate.parse((String) p.get("endsOn")))),
                "no open period of 4A covers today (the demo's trimester is over)");
        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "claire");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Notes']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Évaluations"));
            new org.openqa.selenium.support.ui.Select(page.findElement(By.id("classe-matiere")))
                    .selectByVisibleText(page.findElements(By.cssSelector("#classe-matiere option")).stream()
                            .map(WebElement::getText).filter(t -> t.startsWith("4E A")).findFirst().orElseThrow()); // the demo's 4A is named « 4E A »
            new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
            assertNoSeriousViolation(page, "teacher's assessments");

            page.findElement(By.xpath("//summary[normalize-space()='Nouvelle évaluation']")).click();
            page.findElement(By.id("eval-titre")).sendKeys(title);
            page.findElement(By.xpath("//button[normalize-space()='Créer et saisir les notes']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
            new WebDriverWait(page, PAGE).until(d -> !d.findElements(By.cssSelector("input.mark")).isEmpty());
            String assessment = page.getCurrentUrl().substring((PORTAL + "evaluations/").length());
            try {
                List<WebElement> cells = page.findElements(By.cssSelector("input.mark"));
                assertThat(cells.size()).as("4A's pupils").isGreaterThan(2);
                cells.get(0).click();
                cells.get(0).sendKeys("15,5", org.openqa.selenium.Keys.ENTER);
                assertThat(page.switchTo().activeElement()).isEqualTo(cells.get(1));
                cells.get(1).sendKeys("abs", org.openqa.selenium.Keys.ARROW_DOWN);
                assertThat(page.switchTo().activeElement()).isEqualTo(cells.get(2));
                cells.get(2).sendKeys("25");
                assertThat(cells.get(2).getDomAttribute("aria-invalid")).isEqualTo("true");
                assertThat(page.findElement(By.cssSelector(".cell-error")).getText()).isEqualTo("La note doit être entre 0 et 20.");
                assertNoSeriousViolation(page, "marks grid");
                cells.get(2).sendKeys(org.openqa.selenium.Keys.BACK_SPACE, org.openqa.selenium.Keys.BACK_SPACE, "Disp");
                page.findElement(By.xpath("//button[normalize-space()='Enregistrer les notes']")).click();
                new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//p[@role='status'][normalize-space()='Notes enregistrées (3 élèves).']")));

                List<Map<String, Object>> stored = Gateway.as("claire").get("/api/grades/assessments/{id}/marks", assessment)
                        .then().statusCode(200).extract().jsonPath().getList("$");
                assertThat(stored).extracting(m -> m.get("value") == null ? m.get("marker") : String.valueOf(m.get("value")))
                        .containsExactlyInAnyOrder("15.5", "ABSENT", "EXEMPT");
                assertThat(Gateway.as("claire").get("/api/grades/assessments/{id}", assessment).then().statusCode(200)
                        .extract().jsonPath().getString("classGroupId")).isEqualTo(class4A.toString());
            } finally {
                // never published: withdrawn with its marks, so that no family sees a test's marks
                Gateway.as("claire").delete("/api/grades/assessments/{id}", assessment);
            }
        }
    }

    static void signIn(WebDriver page, String personKey) {
        page.get(PORTAL);
        new WebDriverWait(page, PAGE).until(
                ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Se connecter']"))).click();
        new WebDriverWait(page, PAGE).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        page.findElement(By.id("username")).sendKeys(Demo.person(personKey).username());
        page.findElement(By.id("password")).sendKeys(Demo.password());
        page.findElement(By.id("kc-login")).click();
    }

    static void assertNoSeriousViolation(WebDriver page, String screen) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(page);
        List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(PortalIT::describe).toList();
        assertThat(serious).as("axe-core on the %s", screen).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp();
    }
}
