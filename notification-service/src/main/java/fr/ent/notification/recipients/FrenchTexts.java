package fr.ent.notification.recipients;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as French families read them: « lundi 23 novembre 2026 », « 8 h 05 ». */
final class FrenchTexts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRANCE);

    private FrenchTexts() {
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static String time(ZonedDateTime t) {
        return t.getHour() + " h " + String.format("%02d", t.getMinute());
    }

    static String month(java.time.YearMonth month) {
        return MONTH.format(month);
    }

    /** « le lundi 23 novembre 2026 de 8 h 00 à 9 h 00 » or « du lundi ... à 8 h 00 au mardi ... à 17 h 00 ». */
    static String period(ZonedDateTime start, ZonedDateTime end) {
        if (end == null) {
            return "le " + day(start.toLocalDate()) + " à partir de " + time(start);
        }
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return "le " + day(start.toLocalDate()) + " de " + time(start) + " à " + time(end);
        }
        return "du " + day(start.toLocalDate()) + " à " + time(start) + " au " + day(end.toLocalDate()) + " à " + time(end);
    }
}
