package fr.ent.timetable.week;

import fr.ent.web.problem.Problems;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;

/** Which week a view shows: {@code ?week=2026-W47}, or the week of {@code ?date=}, or this week. */
public final class Weeks {

    private static final Pattern ISO_WEEK = Pattern.compile("\\d{4}-W\\d{2}");

    private Weeks() {
    }

    /** The Monday of the week asked for; a 400 naming the parameter when it is not a week. */
    public static LocalDate monday(String week, LocalDate date, LocalDate today) {
        if (week != null && !week.isBlank() && date != null) {
            throw Problems.invalidField("week", "donnez une semaine ou une date, pas les deux");
        }
        if (week != null && !week.isBlank()) {
            if (!ISO_WEEK.matcher(week).matches()) {
                throw Problems.invalidField("week", "une semaine ISO s'écrit 2026-W47");
            }
            try {
                LocalDate monday = LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
                if (!label(monday).equals(week)) {
                    throw Problems.invalidField("week", "cette année n'a pas de semaine " + week.substring(6));
                }
                return monday;
            } catch (DateTimeParseException e) {
                throw Problems.invalidField("week", "une semaine ISO s'écrit 2026-W47");
            }
        }
        return (date == null ? today : date).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** 2026-W47 for any day of that week. */
    public static String label(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
