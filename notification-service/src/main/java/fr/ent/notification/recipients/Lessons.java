package fr.ent.notification.recipients;

import fr.ent.directory.DirectoryPerson;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * What the timetable notifiers share: the 7-day window, who is in the classes and groups of a
 * lesson, and lessons as families read them (« Cours de mathématiques de demain 10h »).
 */
final class Lessons {

    /** Changes further away than this are not notified: families read their week then. */
    static final int WINDOW_DAYS = 7;

    private Lessons() {
    }

    /** Whether the day is today or one of the next 7 days. */
    static boolean withinWindow(LocalDate day, LocalDate today) {
        return day != null && !day.isBefore(today) && !day.isAfter(today.plusDays(WINDOW_DAYS));
    }

    /** The pupils of these classes and groups on that day (groups are memberships of the directory too). */
    static Set<UUID> pupilsOf(Pupils pupils, Collection<UUID> classIds, Collection<UUID> groupIds, LocalDate day) {
        Set<UUID> found = new LinkedHashSet<>();
        if (classIds != null) {
            classIds.forEach(c -> found.addAll(pupils.directory().pupilsOf(c, day)));
        }
        if (groupIds != null) {
            groupIds.forEach(g -> found.addAll(pupils.directory().pupilsOf(g, day)));
        }
        return found;
    }

    /** « 10h », « 10h05 ». */
    static String time(LocalTime t) {
        return t.getHour() + "h" + (t.getMinute() == 0 ? "" : String.format("%02d", t.getMinute()));
    }

    /** « d'aujourd'hui », « de demain », « du jeudi 10 décembre ». */
    static String ofDay(LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return "d'aujourd'hui";
        }
        if (day.equals(today.plusDays(1))) {
            return "de demain";
        }
        return "du " + dayName(day);
    }

    /** « aujourd'hui », « demain », « le jeudi 10 décembre ». */
    static String onDay(LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return "aujourd'hui";
        }
        if (day.equals(today.plusDays(1))) {
            return "demain";
        }
        return "le " + dayName(day);
    }

    /** « jeudi 10 décembre » (within 7 days: no year). */
    static String dayName(LocalDate day) {
        return java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRANCE).format(day);
    }

    /** The subject as in a sentence: « mathématiques » (the school's own capitals dropped at the start). */
    static String subject(String subject) {
        if (subject == null || subject.isBlank()) {
            return "cours";
        }
        String s = subject.strip();
        boolean acronym = s.length() > 1 && Character.isUpperCase(s.charAt(1));
        return acronym ? s : s.substring(0, 1).toLowerCase(Locale.FRANCE) + s.substring(1);
    }

    /** « de » or « d' » before a word: « Cours d'anglais », « Absence d'Anne Martin ». */
    static String de(String word) {
        return fr.ent.web.text.French.de(word);
    }

    /** « Anne Martin », or null when the directory does not know a name. */
    static String name(DirectoryPerson p) {
        String name = ((p.firstName() == null ? "" : p.firstName()) + " " + (p.lastName() == null ? "" : p.lastName())).strip();
        return name.isEmpty() ? null : name;
    }
}
