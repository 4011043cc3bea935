package fr.ent.grades.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pupil's evolution over a period, per subject (the data of a line chart): each result in date
 * order, its value on /20 (null for a marker), and the subject's average once it was known.
 */
public record Evolution(UUID pupilId, UUID periodId, List<Subject> subjects) {

    public record Subject(String subject, List<Point> points) {
    }

    public record Point(UUID assessmentId, String title, LocalDate date, BigDecimal outOf20, boolean counted,
                        BigDecimal averageAfter) {
    }
}
