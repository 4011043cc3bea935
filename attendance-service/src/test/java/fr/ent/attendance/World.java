package fr.ent.attendance;

import fr.ent.directory.DirectoryProjection;
import fr.ent.directory.testing.DirectoryEvents;
import fr.ent.events.contract.identity.IdentityEvent;
import fr.ent.testservers.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

import fr.ent.web.clock.PlatformClock;
import fr.ent.web.clock.SchoolClock;
import io.quarkus.arc.Arc;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A fresh school for one test, seeded into the directory projection the real way (identity
 * events applied by DirectoryProjection): class 4A (pupils a0..aN, each with a guardian), group
 * "latin" (a0, a1), class 4B (one pupil), teachers of 4A and of 4B, a CPE, and a second school with
 * its own CPE and pupil.
 */
public final class World {

    public final UUID school = UUID.randomUUID();
    public final UUID otherSchool = UUID.randomUUID();
    public final UUID classA = UUID.randomUUID();
    public final UUID latin = UUID.randomUUID();
    public final UUID classB = UUID.randomUUID();
    public final List<UUID> pupilsA = new ArrayList<>();
    public final List<UUID> guardiansA = new ArrayList<>();
    public final UUID pupilB = UUID.randomUUID();
    public final UUID guardianB = UUID.randomUUID();
    public final UUID teacherA = UUID.randomUUID();
    public final UUID teacherB = UUID.randomUUID();
    public final UUID cpe = UUID.randomUUID();
    public final UUID otherCpe = UUID.randomUUID();
    public final UUID otherPupil = UUID.randomUUID();

    public static World create(DirectoryProjection projection, int pupilsInA) {
        onASchoolDay();
        World w = new World();
        List<IdentityEvent> events = new ArrayList<>();
        LocalDate start = today().minusYears(1);
        events.add(DirectoryEvents.school(w.school, "Collège Jean Moulin"));
        events.add(DirectoryEvents.school(w.otherSchool, "Collège Victor Hugo"));
        events.add(DirectoryEvents.classGroup(w.classA, w.school, "4A", "4e"));
        events.add(DirectoryEvents.group(w.latin, w.school, "Latin 4e", "4e"));
        events.add(DirectoryEvents.classGroup(w.classB, w.school, "4B", "4e"));
        for (int i = 0; i < pupilsInA; i++) {
            UUID pupil = UUID.randomUUID();
            UUID guardian = UUID.randomUUID();
            w.pupilsA.add(pupil);
            w.guardiansA.add(guardian);
            events.add(DirectoryEvents.pupil(pupil, w.school, "Élève" + i, "Nom" + (char) ('A' + i % 26) + i));
            events.add(DirectoryEvents.parent(guardian, "Parent" + i, "Nom" + i, w.school));
            events.add(DirectoryEvents.guardianship(guardian, pupil, true));
            events.add(i < 2 ? DirectoryEvents.enrolment(pupil, w.school, w.classA, start, null, w.latin)
                    : DirectoryEvents.enrolment(pupil, w.school, w.classA, start, null));
        }
        events.add(DirectoryEvents.pupil(w.pupilB, w.school, "Zoé", "Bernard"));
        events.add(DirectoryEvents.parent(w.guardianB, "Marc", "Bernard", w.school));
        events.add(DirectoryEvents.guardianship(w.guardianB, w.pupilB, true));
        events.add(DirectoryEvents.enrolment(w.pupilB, w.school, w.classB, start, null));
        events.add(DirectoryEvents.teacher(w.teacherA, "Anne", "Prof", w.school));
        events.add(DirectoryEvents.teaching(w.teacherA, w.school, w.classA, "Mathématiques"));
        events.add(DirectoryEvents.teaching(w.teacherA, w.school, w.latin, "Latin"));
        events.add(DirectoryEvents.teacher(w.teacherB, "Bruno", "Prof", w.school));
        events.add(DirectoryEvents.teaching(w.teacherB, w.school, w.classB, "Histoire"));
        events.add(DirectoryEvents.staff(w.cpe, "Claire", "Cpe", w.school));
        events.add(DirectoryEvents.staff(w.otherCpe, "Olivier", "Cpe", w.otherSchool));
        events.add(DirectoryEvents.pupil(w.otherPupil, w.otherSchool, "Omar", "Autre"));
        QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> projection.apply(DirectoryEvents.event(e))));
        return w;
    }

    /**
     * Moves the service's clock to 10:30 on the school day (Monday to Friday) at or before the run's
     * configured start ({@code ent.clock.start}), so that "today" is a day of lessons whatever the
     * real date and whatever start a run is given (a Sunday, 31 December, a daylight-saving day...).
     */
    static void onASchoolDay() {
        ZoneId zone = Arc.container().instance(SchoolClock.class).get().zone();
        LocalDate day = ConfigProvider.getConfig().getOptionalValue("ent.clock.start", OffsetDateTime.class)
                .map(s -> s.atZoneSameInstant(zone).toLocalDate()).orElse(LocalDate.now(zone));
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        Arc.container().instance(PlatformClock.class).get().set(day.atTime(10, 30).atZone(zone).toOffsetDateTime());
    }

    /** The service's "today" (see {@link #onASchoolDay}). */
    public static LocalDate today() {
        return Arc.container().instance(SchoolClock.class).get().today();
    }

    public static YearMonth thisMonth() {
        return YearMonth.from(today());
    }

    public UUID pupil(int i) {
        return pupilsA.get(i);
    }

    public UUID guardian(int i) {
        return guardiansA.get(i);
    }

    // --- tokens

    public String teacherAToken() {
        return TestTokens.teacher(teacherA, school);
    }

    public String teacherBToken() {
        return TestTokens.teacher(teacherB, school);
    }

    public String cpeToken() {
        return TestTokens.staff(cpe, school);
    }

    public String otherCpeToken() {
        return TestTokens.staff(otherCpe, otherSchool);
    }

    public String guardianToken(int i) {
        return TestTokens.parent(guardian(i), school);
    }

    public String pupilToken(int i) {
        return TestTokens.pupil(pupil(i), school);
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }
}
