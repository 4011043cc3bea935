package fr.ent.grades;

import fr.ent.directory.DirectoryProjection;
import fr.ent.events.contract.attendance.AbsenceCancelled;
import fr.ent.events.contract.attendance.AbsenceJustified;
import fr.ent.events.contract.attendance.AbsenceRecorded;
import fr.ent.grades.reportcard.AbsenceProjection;
import fr.ent.grades.reportcard.ReportCardRepository;
import fr.ent.grades.reportcard.ReportCardRetention;
import fr.ent.grades.reportcard.ReportCardFiles;
import fr.ent.grades.reportcard.ReportCardLegacyCopies;
import fr.ent.files.FileStorage;
import fr.ent.web.jdbc.Jdbc;
import fr.ent.testservers.S3Resource;
import fr.ent.testkit.DirectoryEvents;
import fr.ent.events.contract.identity.TeachingAssignmentUpserted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import fr.ent.testkit.TopicReader;
import fr.ent.testkit.TopicWriter;
import fr.ent.testservers.PostgresAndKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.ent.grades.World.as;
import static fr.ent.grades.World.mark;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The report cards of 4A for the first trimester: Claire and Paul write their appreciations, the
 * CPE the council's, attendance tells of Léa's absences; the CPE generates the PDFs in the
 * background, then publishes them. Each of Léa's separated parents gets their own copy, read back
 * with PDFBox: names, averages with a decimal comma, accents, the absences in half-days. Nothing
 * before publication for the family; nothing ever for another family.
 */
@QuarkusTest
@QuarkusTestResource(PostgresAndKafka.class)
@QuarkusTestResource(S3Resource.class)
class ReportCardsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    DirectoryProjection projection;
    @Inject
    AbsenceProjection absences;
    @Inject
    ReportCardRepository repository;
    @Inject
    ReportCardRetention retention;
    @Inject
    ReportCardFiles reportCardFiles;
    @Inject
    ReportCardLegacyCopies legacyCopies;
    @Inject
    FileStorage fileStorage;
    @Inject
    Jdbc jdbc;

    World w;
    LocalDate today;
    UUID trimester;

    @BeforeEach
    void seed() {
        w = World.create(projection, 3);
        today = World.today();
        trimester = World.period(w.school, w.cpe.token(), w.classA, "1er trimestre", today.minusDays(30), today.plusDays(30));
        // Maths, contrôle ×2 on 20: Léa 15.5, Hugo 12, Emma 8.25
        UUID controle = World.assessment(w.claire.token(), w.classA, "MATHS", "Contrôle", today.minusDays(3), "2", 20, Map.of());
        World.enter(w.claire.token(), controle, List.of(mark(w.lea(), 15.5), mark(w.pupilsA.get(1), 12),
                mark(w.pupilsA.get(2), 8.25)));
        // Maths, interrogation ×1 on 10: Léa 7 (14/20), Hugo 5 (10/20), Emma absent (not counted)
        UUID interro = World.assessment(w.claire.token(), w.classA, "MATHS", "Interrogation", today.minusDays(2), "1", 10, Map.of());
        World.enter(w.claire.token(), interro, List.of(mark(w.lea(), 7), mark(w.pupilsA.get(1), 5),
                mark(w.pupilsA.get(2), "ABSENT")));
        // Français, dictée ×1 on 20: Léa 12.5, Hugo 9, Emma 14
        UUID dictee = World.assessment(w.paul.token(), w.classA, "FRANCAIS", "Dictée", today.minusDays(1), "1", 20, Map.of());
        World.enter(w.paul.token(), dictee, List.of(mark(w.lea(), 12.5), mark(w.pupilsA.get(1), 9), mark(w.pupilsA.get(2), 14)));
        // not published: counts on no report card
        UUID draft = World.assessment(w.claire.token(), w.classA, "MATHS", "Brouillon", today, "5", 20, Map.of());
        World.enter(w.claire.token(), draft, List.of(mark(w.lea(), 2)));
        World.publish(w.claire.token(), controle);
        World.publish(w.claire.token(), interro);
        World.publish(w.paul.token(), dictee);
    }

    @AfterEach
    void resetClock() {
        World.at(today, 10, 30);
    }

    @Test
    void each_separated_parent_downloads_their_own_report_card_once_published_and_another_family_never() throws IOException {
        UUID lea = w.lea().id();
        // appreciations: each teacher in their subject, the CPE for the council
        appreciation(w.claire.token(), lea, "MATHS", "Très bon trimestre, élève sérieuse et appliquée.").statusCode(200);
        appreciation(w.paul.token(), lea, "FRANCAIS", "Des progrès à l'écrit ; poursuivez vos efforts.").statusCode(200);
        as(w.cpe.token()).body(Map.of("text", "Félicitations du conseil de classe. Continuez ainsi !"))
                .put("/api/grades/periods/" + trimester + "/pupils/" + lea + "/council-appreciation").then().statusCode(200);

        // attendance: a whole day yesterday (2 half-days, unjustified, its justification refused), two hours
        // three days ago (1 half-day, justified), an absence cancelled (none)
        UUID wholeDay = UUID.randomUUID();
        absence(wholeDay, today.minusDays(1), 8, 17, false);
        TopicWriter.publish(lea.toString(), new AbsenceJustified(wholeDay, lea, w.school, false), w.school);
        absence(UUID.randomUUID(), today.minusDays(3), 8, 10, true);
        UUID mistaken = UUID.randomUUID();
        absence(mistaken, today.minusDays(5), 14, 15, false);
        TopicWriter.publish(lea.toString(), new AbsenceCancelled(mistaken, lea, w.school), w.school);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> absences.of(lea,
                today.minusDays(10).atStartOfDay(PARIS).toInstant(), today.plusDays(1).atStartOfDay(PARIS).toInstant()).size() == 2);

        // the CPE generates the class's report cards in the background and follows the job
        String job = as(w.cpe.token()).post(generation(w.classA)).then().statusCode(202)
                .body("total", equalTo(3)).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as(w.cpe.token())
                .get("/api/grades/report-card-jobs/" + job).then().statusCode(200).extract().path("state")));
        as(w.cpe.token()).get("/api/grades/report-card-jobs/" + job).then().body("processed", equalTo(3))
                .body("total", equalTo(3)).body("finishedAt", notNullValue());
        // 3 pupils: each their copy and one per guardian (Léa: her mother and her separated father)
        as(w.cpe.token()).get("/api/grades/classes/" + w.classA + "/periods/" + trimester + "/report-cards").then()
                .statusCode(200).body("publishedAt", nullValue()).body("copies", hasSize(3 + 4));

        // before publication: the staff read it, the family does not know it exists
        assertThat(text(download(w.cpe.token(), lea, null).statusCode(200).extract())).contains("Léa Dubois");
        for (var member : List.of(w.lea(), w.mother(), w.father)) {
            download(member.token(), lea, null).statusCode(404);
        }

        as(w.cpe.token()).post("/api/grades/classes/" + w.classA + "/periods/" + trimester + "/report-cards/publication")
                .then().statusCode(200).body("publishedAt", notNullValue());
        TopicReader.Event published = TopicReader.await("ent.grades", lea, "fr.ent.grades.report-card-published.v1", 1).get(0);
        assertThat(published.data().path("periodId").asText()).isEqualTo(trimester.toString());
        assertThat(published.data().path("classGroupId").asText()).isEqualTo(w.classA.toString());
        assertThat(published.data().path("periodName").asText()).isEqualTo("1er trimestre");
        assertThat(published.schoolId()).isEqualTo(w.school.toString());

        ExtractableResponse<Response> mothers = download(w.mother().token(), lea, null).statusCode(200).extract();
        assertThat(mothers.contentType()).isEqualTo("application/pdf");
        assertThat(mothers.header("Content-Disposition")).startsWith("attachment; filename=\"bulletin-1er-trimestre-")
                .endsWith("-dubois-lea.pdf\"");
        java.nio.file.Files.write(java.nio.file.Path.of("target", "report-card-sample.pdf"), mothers.asByteArray());
        String mother = squeeze(text(mothers));
        assertThat(mother).contains("Collège Jean Moulin", "Bulletin du 1er trimestre", "Léa Dubois", "4A",
                "Parent0 Dubois", "Responsable légal de Léa Dubois", "Mathématiques", "Français", "C. Martin", "P. Lefèvre",
                "Très bon trimestre, élève sérieuse et appliquée.", "Des progrès à l'écrit ; poursuivez vos efforts.",
                "Félicitations du conseil de classe. Continuez ainsi !");
        // read as laid out, left to right and top to bottom
        String page = squeeze(laidOut(mothers.asByteArray()));
        assertThat(page).contains("Élève : Léa Dubois – Classe : 4A", "Absences : 3 demi-journée(s), dont 2 non justifiée(s).");
        // Léa: maths (2 × 15.5 + 14) / 3 = 15.00, français 12.50, general (15 + 12.5) / 2 = 13.75
        // class: maths (15 + 11.33 + 8.25) / 3 = 11.53, français (12.5 + 9 + 14) / 3 = 11.83,
        // general (13.75 + 10.17 + 11.13) / 3 = 11.68 (Hugo (11.33 + 9) / 2, Emma (8.25 + 14) / 2)
        assertThat(page).contains("Mathématiques 15,00 11,53", "Français 12,50 11,83",
                "Moyenne générale 13,75 11,68");
        assertThat(mother).doesNotContain("Marc Dubois").doesNotContain("Brouillon").doesNotContain("\u202F");

        String father = text(download(w.father.token(), lea, null).statusCode(200).extract());
        assertThat(father).contains("Marc Dubois", "Responsable légal de Léa Dubois", "15,00", "13,75")
                .doesNotContain("Parent0 Dubois");
        // a parent asking for the other parent's copy still gets their own
        assertThat(text(download(w.father.token(), lea, w.mother().id()).statusCode(200).extract())).contains("Marc Dubois")
                .doesNotContain("Parent0 Dubois");
        String own = text(download(w.lea().token(), lea, null).statusCode(200).extract());
        assertThat(own).contains("Léa Dubois", "13,75").doesNotContain("Responsable légal");
        // the staff read any copy
        assertThat(text(download(w.cpe.token(), lea, w.father.id()).statusCode(200).extract())).contains("Marc Dubois");

        // another family, a teacher, another school: nothing
        download(w.guardiansA.get(1).token(), lea, null).statusCode(404);
        download(w.pupilsA.get(1).token(), lea, null).statusCode(404);
        download(w.claire.token(), lea, null).statusCode(404);
        download(w.otherCpe.token(), lea, null).statusCode(404);
        // Hugo's guardian reads Hugo's, not Léa's
        assertThat(text(download(w.guardiansA.get(1).token(), w.pupilsA.get(1).id(), null).statusCode(200).extract()))
                .contains("11,33", "10,17").doesNotContain("Léa");

        // published report cards no longer change
        appreciation(w.claire.token(), lea, "MATHS", "Autre chose").statusCode(409);
        as(w.cpe.token()).post(generation(w.classA)).then().statusCode(409);
        as(w.cpe.token()).post("/api/grades/classes/" + w.classA + "/periods/" + trimester + "/report-cards/publication")
                .then().statusCode(200);
        assertThat(TopicReader.read("ent.grades", lea).stream()
                .filter(e -> e.type().equals("fr.ent.grades.report-card-published.v1"))).hasSize(1);
    }

    @Test
    void the_pdf_is_a4_tagged_in_french_with_its_fonts_embedded() throws IOException {
        String job = as(w.cpe.token()).post(generation(w.classA)).then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as(w.cpe.token())
                .get("/api/grades/report-card-jobs/" + job).then().extract().path("state")));
        byte[] pdf = download(w.cpe.token(), w.lea().id(), null).statusCode(200).extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            assertThat(doc.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            assertThat(doc.getDocumentInformation().getTitle()).contains("Bulletin", "Léa Dubois");
            List<PDFont> fonts = new ArrayList<>();
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                assertThat(f.getName()).contains("DejaVuSans");
            });
        }
    }

    @Test
    void the_report_card_shows_ranks_only_once_the_school_turns_them_on() throws IOException {
        generate();
        String without = squeeze(laidOut(download(w.cpe.token(), w.lea().id(), null).statusCode(200).extract().asByteArray()));
        assertThat(without).contains("Mathématiques 15,00 11,53").doesNotContain("Rang").doesNotContain("1/3");

        as(w.cpe.token()).body(Map.of("markStep", 0.25, "roundingStep", 0.01, "roundingMode", "NEAREST",
                "unjustifiedAbsenceCountsAsZero", false, "pupilDelayDays", 1, "guardianDelayDays", 1, "showRank", true))
                .put("/api/grades/schools/" + w.school + "/settings").then().statusCode(200);
        generate();
        // maths: Léa 15.00, Hugo 11.33, Emma 8.25; français: Emma 14, Léa 12.50, Hugo 9;
        // general: Léa 13.75, Emma 11.13, Hugo 10.17
        String lea = squeeze(laidOut(download(w.cpe.token(), w.lea().id(), null).statusCode(200).extract().asByteArray()));
        assertThat(lea).contains("Rang", "Mathématiques 15,00 11,53 1/3", "Français 12,50 11,83 2/3",
                "Moyenne générale 13,75 11,68 1/3");
        String hugo = squeeze(laidOut(download(w.cpe.token(), w.pupilsA.get(1).id(), null).statusCode(200).extract()
                .asByteArray()));
        assertThat(hugo).contains("Mathématiques 11,33 11,53 2/3", "Français 9,00 11,83 3/3", "Moyenne générale 10,17 11,68 3/3");
    }

    private void generate() {
        String job = as(w.cpe.token()).post(generation(w.classA)).then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "DONE".equals(as(w.cpe.token())
                .get("/api/grades/report-card-jobs/" + job).then().extract().path("state")));
    }

    @Test
    void appreciations_are_written_by_the_teacher_of_the_subject_and_the_council_by_the_staff() {
        UUID lea = w.lea().id();
        appreciation(w.paul.token(), lea, "MATHS", "Pas ma matière").statusCode(404);
        appreciation(w.claire.token(), w.zoe.id(), "MATHS", "Pas ma classe").statusCode(404);
        appreciation(w.otherTeacher.token(), lea, "MATHS", "Autre collège").statusCode(404);
        appreciation(w.cpe.token(), lea, "MATHS", "Le CPE n'écrit pas en maths").statusCode(403);
        appreciation(w.claire.token(), lea, "MATHS", "   ").statusCode(400);
        appreciation(w.claire.token(), lea, "MATHS", "x".repeat(1001)).statusCode(400);
        // the Latin group's teacher writes for Léa in Latin
        appreciation(w.claire.token(), lea, "LATIN", "Bon travail en latin.").statusCode(200).body("text", equalTo("Bon travail en latin."));
        as(w.claire.token()).body(Map.of("text", "Pas au professeur"))
                .put("/api/grades/periods/" + trimester + "/pupils/" + lea + "/council-appreciation").then().statusCode(404);
        as(w.otherCpe.token()).body(Map.of("text", "Autre collège"))
                .put("/api/grades/periods/" + trimester + "/pupils/" + lea + "/council-appreciation").then().statusCode(404);
        // the family neither generates nor publishes
        as(w.mother().token()).post(generation(w.classA)).then().statusCode(403);
        as(w.otherCpe.token()).post(generation(w.classA)).then().statusCode(404);
        // nothing generated: nothing to publish
        as(w.cpe.token()).post("/api/grades/classes/" + w.classA + "/periods/" + trimester + "/report-cards/publication")
                .then().statusCode(409);
    }

    @Test
    void copies_past_their_keeping_time_are_removed_with_their_files_the_others_kept() throws IOException {
        UUID old = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        byte[] pdf = download(w.cpe.token(), generatedLea(), null).statusCode(200).extract().asByteArray();
        var stored = QuarkusTransaction.requiringNew().call(() -> {
            var oldCopy = reportCardFiles.store(w.school, "ancien.pdf", pdf);
            var keptCopy = reportCardFiles.store(w.school, "garde.pdf", pdf);
            repository.replaceDocuments(trimester, old, w.school, w.classA, UUID.randomUUID(), "2015-2016",
                    Map.of(old, oldCopy), java.time.Instant.now(), today.minusDays(1));
            repository.replaceDocuments(trimester, kept, w.school, w.classA, UUID.randomUUID(), World.schoolYear(),
                    Map.of(kept, keptCopy), java.time.Instant.now(), today);
            return List.of(oldCopy.fileId(), keptCopy.fileId());
        });
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(repository.document(trimester, old, old)).isEmpty();
        assertThat(fileStorage.find(stored.get(0))).isEmpty();
        assertThat(repository.document(trimester, kept, kept)).isPresent();
        try (var in = fileStorage.open(stored.get(1))) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void a_copy_kept_in_the_database_before_object_storage_is_served_then_moved() throws IOException {
        UUID pupil = generatedLea();
        byte[] pdf = download(w.cpe.token(), pupil, null).statusCode(200).extract().asByteArray();
        UUID legacyPupil = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> jdbc.update("""
                INSERT INTO report_card_document (period_id, pupil_id, recipient_id, school_id, class_group_id, job_id,
                                                  school_year, pdf, size, created_at, keep_until)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?)""", trimester, legacyPupil, legacyPupil, w.school, w.classA,
                UUID.randomUUID(), World.schoolYear(), pdf, pdf.length, today.plusYears(5)));
        assertThat(repository.document(trimester, legacyPupil, legacyPupil).orElseThrow().fileId()).isNull();
        assertThat(legacyCopies.moveAll()).isGreaterThanOrEqualTo(1);
        var moved = repository.document(trimester, legacyPupil, legacyPupil).orElseThrow();
        assertThat(moved.fileId()).isNotNull();
        assertThat(moved.pdf()).isNull();
        try (var in = reportCardFiles.open(moved)) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void the_professeur_principal_reads_the_class_appreciations_and_writes_the_council_s_others_do_not() {
        UUID lea = w.lea().id();
        String council = "/api/grades/periods/" + trimester + "/pupils/" + lea + "/council-appreciation";
        String appreciations = "/api/grades/classes/" + w.classA + "/periods/" + trimester + "/appreciations";
        appreciation(w.claire.token(), lea, "MATHS", "Très bon trimestre.").statusCode(200);
        // not yet flagged: Paul teaches 4A, that is all
        as(w.paul.token()).body(Map.of("text", "Ensemble satisfaisant.")).put(council).then().statusCode(404);
        as(w.paul.token()).get(appreciations).then().statusCode(404);

        TeachingAssignmentUpserted head = DirectoryEvents.headTeaching(w.paul.id(), w.school, w.classA, "FRANCAIS");
        QuarkusTransaction.requiringNew().run(() -> projection.apply(DirectoryEvents.event(head)));
        as(w.paul.token()).body(Map.of("text", "Ensemble satisfaisant.")).put(council).then().statusCode(200)
                .body("text", equalTo("Ensemble satisfaisant."));
        as(w.paul.token()).get(appreciations).then().statusCode(200)
                .body("size()", equalTo(w.pupilsA.size()))
                .body("find { it.pupilId == '" + lea + "' }.subjects.MATHS", equalTo("Très bon trimestre."))
                .body("find { it.pupilId == '" + lea + "' }.council", equalTo("Ensemble satisfaisant."))
                .body("find { it.pupilId == '" + lea + "' }.pupilName", equalTo("Léa Dubois"));
        as(w.cpe.token()).get(appreciations).then().statusCode(200).body("size()", equalTo(w.pupilsA.size()));
        // another teacher of the class, a teacher of another class, another school, a family: nothing
        as(w.claire.token()).get(appreciations).then().statusCode(404);
        as(w.bruno.token()).get(appreciations).then().statusCode(404);
        as(w.otherTeacher.token()).get(appreciations).then().statusCode(404);
        as(w.otherCpe.token()).get(appreciations).then().statusCode(404);
        as(w.mother().token()).get(appreciations).then().statusCode(403);
        // Paul is professeur principal of 4A, not of 4B
        as(w.paul.token()).body(Map.of("text", "Pas ma classe")).put("/api/grades/periods/" + trimester + "/pupils/"
                + w.zoe.id() + "/council-appreciation").then().statusCode(404);

        // the flag withdrawn by identity: back to a teacher of the class
        QuarkusTransaction.requiringNew().run(() -> projection.apply(DirectoryEvents.event(DirectoryEvents.headTeacher(head, false))));
        as(w.paul.token()).get(appreciations).then().statusCode(404);
        as(w.paul.token()).body(Map.of("text", "Plus le mien")).put(council).then().statusCode(404);
        as(w.cpe.token()).get(appreciations).then().body("find { it.pupilId == '" + lea + "' }.council",
                equalTo("Ensemble satisfaisant."));
    }

    /** Léa's report cards generated (not published); her id. */
    private UUID generatedLea() {
        String job = as(w.cpe.token()).post(generation(w.classA)).then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                "DONE".equals(as(w.cpe.token()).get("/api/grades/report-card-jobs/" + job).then().extract().path("state")));
        return w.lea().id();
    }

    private io.restassured.response.ValidatableResponse appreciation(String token, UUID pupil, String subject, String text) {
        return as(token).body(Map.of("text", text))
                .put("/api/grades/periods/" + trimester + "/pupils/" + pupil + "/appreciations/" + subject).then();
    }

    private String generation(UUID classGroup) {
        return "/api/grades/classes/" + classGroup + "/periods/" + trimester + "/report-cards/generation";
    }

    private io.restassured.response.ValidatableResponse download(String token, UUID pupil, UUID recipient) {
        var request = as(token);
        if (recipient != null) {
            request = request.queryParam("recipientId", recipient.toString());
        }
        return request.get("/api/grades/pupils/" + pupil + "/periods/" + trimester + "/report-card").then();
    }

    private void absence(UUID id, LocalDate day, int fromHour, int toHour, boolean justified) {
        TopicWriter.publish(w.lea().id().toString(), new AbsenceRecorded(id, w.lea().id(), w.school, w.classA,
                ZonedDateTime.of(day.atTime(fromHour, 0), PARIS).toOffsetDateTime(),
                ZonedDateTime.of(day.atTime(toHour, 0), PARIS).toOffsetDateTime(), null, justified), w.school);
    }

    private static String text(ExtractableResponse<Response> response) throws IOException {
        try (PDDocument doc = Loader.loadPDF(response.asByteArray())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String laidOut(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    /** The text on one line, whitespace collapsed (a table row reads left to right). */
    private static String squeeze(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ");
    }
}
