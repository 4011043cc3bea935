package fr.ent.identity.common;

import fr.ent.web.problem.Problems;

import java.time.ZoneId;
import java.util.regex.Pattern;

/** Field checks that name the field in the 400 they answer. */
public final class Checks {

    /** UAI: 7 digits and a letter (e.g. 0670001A). */
    public static final Pattern UAI = Pattern.compile("\\d{7}[A-Z]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    private Checks() {
    }

    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) throw Problems.invalidField(field, "must not be blank");
        String v = value.strip();
        if (v.length() > maxLength) throw Problems.invalidField(field, "must be at most " + maxLength + " characters");
        return v;
    }

    public static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) return null;
        return required(field, value, maxLength);
    }

    public static <T> T present(String field, T value) {
        if (value == null) throw Problems.invalidField(field, "is required");
        return value;
    }

    public static String uai(String value) {
        String v = required("uai", value, 8).toUpperCase();
        if (!UAI.matcher(v).matches()) throw Problems.invalidField("uai", "must be 7 digits followed by a letter, e.g. 0670001A");
        return v;
    }

    public static String email(String field, String value) {
        String v = optional(field, value, 254);
        if (v != null && !EMAIL.matcher(v).matches()) throw Problems.invalidField(field, "must be an e-mail address");
        return v == null ? null : v.toLowerCase();
    }

    public static String timeZone(String value) {
        if (value == null || value.isBlank()) return "Europe/Paris";
        try {
            return ZoneId.of(value.strip()).getId();
        } catch (RuntimeException e) {
            throw Problems.invalidField("timeZone", "must be an IANA time zone, e.g. Europe/Paris");
        }
    }

    public static String schoolYear(String field, String value) {
        String v = required(field, value, 9);
        var m = SCHOOL_YEAR.matcher(v);
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw Problems.invalidField(field, "must look like 2026-2027");
        }
        return v;
    }

    public static <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) throw Problems.invalidField(field, "is required");
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
