package fr.ent.homework.work;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The load of a class on a day: how many pieces of work are due, their estimated minutes, and how
 * many are revising for a test; with a warning for each of the school's thresholds it goes above.
 * Plain rules, no database.
 *
 * @param warnings codes (TOO_MANY_WORKS, TOO_MANY_MINUTES, TOO_MANY_TESTS)
 * @param message  the warnings in French, for the teacher's screen; null without any
 */
public record Workload(LocalDate day, int count, int minutes, int tests, List<String> warnings, String message) {

    /** A school's thresholds and school day. */
    public record Thresholds(int maxWorks, int maxMinutes, int maxTests, LocalTime dayStarts, LocalTime dayEnds) {
    }

    public static Workload of(LocalDate day, Collection<Work> due, Thresholds t) {
        int count = due.size();
        int minutes = due.stream().mapToInt(w -> w.estimatedMinutes).sum();
        int tests = (int) due.stream().filter(w -> w.kind == WorkKind.TEST_REVISION).count();
        List<String> warnings = new ArrayList<>();
        List<String> french = new ArrayList<>();
        if (count > t.maxWorks()) {
            warnings.add("TOO_MANY_WORKS");
            french.add(count + " travaux pour ce jour (au-delà de " + t.maxWorks() + ")");
        }
        if (minutes > t.maxMinutes()) {
            warnings.add("TOO_MANY_MINUTES");
            french.add(minutes + " minutes de travail estimées (au-delà de " + t.maxMinutes() + ")");
        }
        if (tests > t.maxTests()) {
            warnings.add("TOO_MANY_TESTS");
            french.add(tests + " contrôles à réviser (au-delà de " + t.maxTests() + ")");
        }
        String message = french.isEmpty() ? null : "Charge de travail élevée pour la classe : " + String.join(", ", french) + ".";
        return new Workload(day, count, minutes, tests, List.copyOf(warnings), message);
    }

    /** Whether a work set at that local time is outside the school day: before its start, after its end, or at the weekend. */
    public static boolean outsideSchoolHours(LocalDateTime setAt, Thresholds t) {
        DayOfWeek d = setAt.getDayOfWeek();
        LocalTime time = setAt.toLocalTime();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY || time.isBefore(t.dayStarts()) || !time.isBefore(t.dayEnds());
    }
}
