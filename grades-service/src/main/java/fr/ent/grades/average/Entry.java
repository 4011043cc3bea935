package fr.ent.grades.average;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One pupil's result in one assessment, as averages see it: the assessment's weight and scale, and
 * either a value on that scale or a marker (or neither, for an assessment of skills only). A "what
 * if" hypothesis is an entry like the others ({@code hypothetical = true}).
 */
public record Entry(UUID assessmentId, String title, String subject, LocalDate date, BigDecimal coefficient, int scale,
                    boolean optional, BigDecimal value, Marker marker, boolean hypothetical) {

    public Entry {
        if (subject == null || coefficient == null || coefficient.signum() < 0 || scale < 1) {
            throw new IllegalArgumentException("an entry needs a subject, a coefficient ≥ 0 and a scale ≥ 1");
        }
        if (value != null && marker != null) {
            throw new IllegalArgumentException("a mark or a marker, not both");
        }
    }

    public static Entry mark(String subject, LocalDate date, String coefficient, int scale, String value) {
        return new Entry(UUID.randomUUID(), "", subject, date, new BigDecimal(coefficient), scale, false, new BigDecimal(value), null, false);
    }

    public static Entry marker(String subject, LocalDate date, String coefficient, int scale, Marker marker) {
        return new Entry(UUID.randomUUID(), "", subject, date, new BigDecimal(coefficient), scale, false, null, marker, false);
    }

    public Entry asOptional() {
        return new Entry(assessmentId, title, subject, date, coefficient, scale, true, value, marker, hypothetical);
    }
}
