package fr.ent.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.ent.e2e.support.Browser;
import fr.ent.e2e.support.Demo;
import fr.ent.e2e.support.Gateway;
import fr.ent.e2e.support.Platform;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static fr.ent.e2e.PortalIT.PAGE;
import static fr.ent.e2e.PortalIT.PORTAL;
import static fr.ent.e2e.PortalIT.assertNoSeriousViolation;
import static fr.ent.e2e.PortalIT.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal's messaging in headless Chromium: Sophie Dubois writes to a teacher of Léa (the draft
 * saved as she types), Claire Martin reads it (Sophie's copy shows it read) and replies; the CPE
 * sends 4A's families an information, Sophie acknowledges it and the CPE's count moves; Sophie
 * activates the mobile app with the code it shows (device authorization grant on the real
 * Keycloak). axe-core on every new screen.
 */
class PortalMessagingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sophie_writes_to_a_teacher_of_lea_who_reads_it_and_replies() {
        String subject = "Portail " + UUID.randomUUID().toString().substring(0, 8);
        String claireName = Demo.person("claire").firstName() + " " + Demo.person("claire").lastName();
        String messageId;
        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signInAsSophieAndOpen(page, "Messagerie", "Messagerie");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("Reçus", "Envoyés", "Brouillons", "Corbeille")
                    .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
            assertNoSeriousViolation(page, "mailbox");

            page.findElement(By.xpath("//a[normalize-space()='Nouveau message']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Nouveau message"));
            settle(page);
            Select recipients = new Select(page.findElement(By.id("compose-pick")));
            String claire = recipients.getOptions().stream().map(WebElement::getText).filter(t -> t.startsWith(claireName))
                    .findFirst().orElseThrow(() -> new AssertionError("Claire Martin is not offered to Sophie"));
            recipients.selectByVisibleText(claire);
            page.findElement(By.xpath("//button[normalize-space()='Ajouter']")).click();
            page.findElement(By.id("compose-subject")).sendKeys(subject);
            page.findElement(By.id("compose-body")).sendKeys("Bonjour Madame Martin,\nLéa a oublié son cahier : pourrait-elle le récupérer demain ?");
            // saved as she types: the draft is in her « Brouillons » before she sends anything
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".save-state"), "Brouillon enregistré"));
            assertThat(Gateway.as("sophie").get("/api/messaging/mailbox?box=DRAFT&size=100").then().statusCode(200)
                    .extract().jsonPath().getList("items.subject", String.class)).contains(subject);
            assertNoSeriousViolation(page, "compose");
            page.findElement(By.xpath("//button[normalize-space()='Envoyer']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "a été envoyé"));
            page.findElement(By.xpath("//a[normalize-space()='Voir le message']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), subject));
            messageId = page.getCurrentUrl().substring((PORTAL + "messagerie/messages/").length());
            assertNoSeriousViolation(page, "thread (sender)");
        }
        assertThat(Gateway.as("sophie").get("/api/messaging/mailbox?box=DRAFT&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.subject", String.class)).doesNotContain(subject);

        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signIn(page, "claire");
            new WebDriverWait(page, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Messagerie']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//ul[@class='messages']//a[.//strong[normalize-space()='" + subject + "']]"))).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), subject));
            assertThat(page.findElement(By.cssSelector("article.message")).getText()).contains("Sophie Dubois", "oublié son cahier");
            assertNoSeriousViolation(page, "thread (recipient)");
            // opened, so read: Sophie's copy shows Claire's receipt
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Gateway.as("sophie")
                    .get("/api/messaging/messages/{id}", messageId).then().statusCode(200)
                    .extract().jsonPath().getString("receipts[0].readAt")).isNotNull());

            page.findElement(By.xpath("//button[normalize-space()='Répondre']")).click();
            page.findElement(By.id("reply-body")).sendKeys("Bonjour Madame Dubois, oui, il est au bureau de la vie scolaire.");
            assertNoSeriousViolation(page, "reply");
            boolean quietBefore = quietHours();
            page.findElement(By.xpath("//button[normalize-space()='Envoyer la réponse']")).click();
            new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".success"), "Réponse envoyée."));
            // the right to disconnect: a teacher replying in the evening or at a weekend is told so
            if (quietBefore == quietHours()) {
                List<String> notices = page.findElements(By.cssSelector(".notice")).stream().map(WebElement::getText).toList();
                if (quietBefore) assertThat(notices).anyMatch(n -> n.contains("droit à la déconnexion"));
                else assertThat(notices).isEmpty();
            }
        }
        List<String> inbox = Gateway.as("sophie").get("/api/messaging/mailbox?box=INBOX&size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.subject", String.class);
        assertThat(inbox).anyMatch(s -> s.endsWith(subject) && s.startsWith("RE"));
    }

    @Test
    void a_cpe_broadcast_is_acknowledged_by_sophie_and_the_count_moves() {
        UUID jeanMoulin = Demo.school("jeanMoulin");
        String subject = "Information " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser cpeBrowser = Browser.start("fr-FR,fr"); Browser sophieBrowser = Browser.start("fr-FR,fr")) {
            WebDriver cpe = cpeBrowser.driver();
            signIn(cpe, "cpe");
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            cpe.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Informations aux familles']")).click();
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Informations aux familles"));
            settle(cpe);
            assertNoSeriousViolation(cpe, "broadcasts");
            cpe.findElement(By.cssSelector("input[name='audience'][value='classes']")).click();
            // the demo's 4A is named « 4E A »
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//fieldset[legend='Classes']//label[normalize-space()='4E A']/input"))).click();
            cpe.findElement(By.id("broadcast-subject")).sendKeys(subject);
            cpe.findElement(By.id("broadcast-body")).sendKeys("Merci de confirmer la lecture de cette information.");
            cpe.findElement(By.xpath("//button[normalize-space()='Envoyer aux familles']")).click();
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".success"), "Information envoyée à"));
            Map<String, Object> sent = Gateway.as("cpe").get("/api/messaging/schools/{id}/broadcasts", jeanMoulin).then().statusCode(200)
                    .extract().jsonPath().<Map<String, Object>>getList("$").stream().filter(b -> subject.equals(b.get("subject")))
                    .findFirst().orElseThrow();
            String id = (String) sent.get("id");
            int families = (Integer) sent.get("families");
            By count = By.xpath("//li[h3[normalize-space()='" + subject + "']]//span[@class='ack-count']");
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.textToBe(count, "0 famille sur " + families + " a confirmé la lecture"));
            assertNoSeriousViolation(cpe, "broadcasts with a new one");

            WebDriver sophie = sophieBrowser.driver();
            signIn(sophie, "sophie");
            new WebDriverWait(sophie, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour Sophie"));
            sophie.get(PORTAL + "messagerie/messages/" + id);
            WebElement acknowledge = new WebDriverWait(sophie, PAGE).until(ExpectedConditions.elementToBeClickable(
                    By.xpath("//button[normalize-space()='Confirmer la lecture']")));
            assertThat(sophie.findElement(By.tagName("h1")).getText()).isEqualTo(subject);
            assertNoSeriousViolation(sophie, "information to acknowledge");
            acknowledge.click();
            new WebDriverWait(sophie, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Vous avez confirmé la lecture de cette information"));

            // the information just sent shows its detail already (« Actualiser »); an older one opens it
            WebElement item = new WebDriverWait(cpe, PAGE).until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//li[h3[normalize-space()='" + subject + "']]")));
            List<WebElement> refresh = item.findElements(By.xpath(".//button[normalize-space()='Actualiser']"));
            (refresh.isEmpty() ? item.findElement(By.xpath(".//button[normalize-space()='Qui a confirmé ?']")) : refresh.get(0)).click();
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.textToBe(count, "1 famille sur " + families + " a confirmé la lecture"));
            assertThat(cpe.findElement(By.cssSelector(".broadcast-detail")).getText()).contains("Ont confirmé (1)", "Sophie Dubois");
            assertNoSeriousViolation(cpe, "who has acknowledged");
        }
    }

    @Test
    void sophie_activates_the_mobile_app_with_the_code_it_shows() throws Exception {
        // the app asks Keycloak for a code (public client ent-mobile, device authorization grant)
        JsonNode codes = JSON.readTree(RestAssured.given().formParam("client_id", "ent-mobile")
                .post(Platform.REALM + "/protocol/openid-connect/auth/device").then().statusCode(200).extract().asString());
        String userCode = codes.path("user_code").asText();
        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver page = browser.driver();
            signInAsSophieAndOpen(page, "Application mobile", "Activer l’application mobile");
            assertNoSeriousViolation(page, "mobile activation");
            page.findElement(By.id("device-code")).sendKeys(userCode.toLowerCase());
            page.findElement(By.xpath("//button[normalize-space()='Continuer']")).click();
            // Keycloak's device page (Sophie is signed in there already) asks her consent
            new WebDriverWait(page, PAGE).until(ExpectedConditions.elementToBeClickable(By.name("accept"))).click();
            new WebDriverWait(page, PAGE).until(d -> d.getCurrentUrl().contains("/realms/ent/device/status"));
        }
        // the app's next poll gets Sophie's token
        AtomicReference<String> token = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(6)).until(() -> {
            var res = RestAssured.given().formParam("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                    .formParam("client_id", "ent-mobile").formParam("device_code", codes.path("device_code").asText())
                    .post(Platform.TOKEN_ENDPOINT);
            if (res.statusCode() == 200) token.set(res.jsonPath().getString("access_token"));
            return token.get() != null;
        });
        // and with it, the app reads Sophie's own profile through the gateway
        String personId = Gateway.withAuthorization("Bearer " + token.get()).get("/api/identity/me").then().statusCode(200)
                .extract().jsonPath().getString("profile.id");
        assertThat(personId).isEqualTo(Demo.person("sophie").id().toString());
    }

    @Test
    void the_cpe_opens_the_reports_the_rule_table_and_the_auto_reply_and_the_phone_folds_the_menu() {
        UUID jeanMoulin = Demo.school("jeanMoulin");
        int reports = Gateway.as("cpe").get("/api/messaging/schools/{id}/reports", jeanMoulin).then().statusCode(200)
                .extract().jsonPath().getList("$").size();
        try (Browser browser = Browser.start("fr-FR,fr")) {
            WebDriver cpe = browser.driver();
            signIn(cpe, "cpe");
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.xpath("//nav[@aria-label='Menu principal']")));
            openFromMenu(cpe, "Signalements", "Signalements");
            settle(cpe);
            // as many reports drawn as the API lists (the demo may have none: « Aucun message signalé. »)
            assertThat(cpe.findElements(By.cssSelector("ul.report-list > li"))).hasSize(reports);
            assertNoSeriousViolation(cpe, "reports");

            openFromMenu(cpe, "Règles de la messagerie", "Règles de la messagerie");
            new WebDriverWait(cpe, PAGE).until(d -> d.findElements(By.cssSelector(".rules table select")).size() == 16);
            String guardianToTeacher = Gateway.as("cpe").get("/api/messaging/schools/{id}/rules", jeanMoulin).then().statusCode(200)
                    .extract().jsonPath().getString("find { it.sender == 'GUARDIAN' && it.recipient == 'TEACHER' }.reach");
            assertThat(new Select(cpe.findElement(By.cssSelector("select[aria-label='Parents écrivent à : Enseignants']")))
                    .getFirstSelectedOption().getAttribute("value")).isEqualTo(guardianToTeacher);
            assertNoSeriousViolation(cpe, "rule table");

            openFromMenu(cpe, "Réponse automatique", "Absence et réponse automatique");
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.presenceOfElementLocated(By.id("away-reply")));
            settle(cpe);
            assertNoSeriousViolation(cpe, "absence and auto-reply");

            // on a phone the menu folds behind « Menu »: opened, checked, closed with Escape (the focus back on the button)
            cpe.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            // the button reads « ☰ Menu » (the icon is aria-hidden): found by what it controls
            WebElement toggle = cpe.findElement(By.xpath("//nav[@aria-label='Menu principal']/button[@aria-controls='menu-principal']"));
            assertThat(toggle.getAttribute("textContent")).contains("Menu");
            By entry = By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='Signalements']");
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.invisibilityOfElementLocated(entry));
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
            toggle.click();
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.visibilityOfElementLocated(entry));
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
            assertNoSeriousViolation(cpe, "phone menu open");
            cpe.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
            new WebDriverWait(cpe, PAGE).until(ExpectedConditions.invisibilityOfElementLocated(entry));
            assertThat(cpe.switchTo().activeElement()).isEqualTo(toggle);
            cpe.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    private static void openFromMenu(WebDriver page, String menuItem, String title) {
        page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='" + menuItem + "']")).click();
        new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
    }

    /** Sophie signs in, her home drawn, then opens a page of the menu and waits for its title. */
    private static void signInAsSophieAndOpen(WebDriver page, String menuItem, String title) {
        signIn(page, "sophie");
        new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Bonjour Sophie"));
        page.findElement(By.xpath("//nav[@aria-label='Menu principal']//a[normalize-space()='" + menuItem + "']")).click();
        new WebDriverWait(page, PAGE).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), title));
        settle(page);
    }

    /** messaging-service's quiet hours (DeliveryHours): before 7 h, from 20 h, at weekends, school time. */
    private static boolean quietHours() {
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(Platform.SCHOOL_ZONE);
        return now.getDayOfWeek().getValue() >= 6 || now.getHour() < 7 || now.getHour() >= 20;
    }

    private static void settle(WebDriver page) {
        new WebDriverWait(page, PAGE).until(d -> d.findElements(By.cssSelector(".loading")).isEmpty());
    }
}
