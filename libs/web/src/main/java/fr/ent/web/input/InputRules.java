package fr.ent.web.input;

import fr.ent.web.problem.Problems;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * What every service accepts as text, dates and page numbers, written once. The shared Jackson
 * configuration ({@link StrictJson}), parameter converters ({@link DateParams}) and request filter
 * ({@link ParameterText}) apply these rules, so a value that breaks them is a 400 naming the field
 * before any service code runs.
 *
 * <ul>
 *   <li>Text: no NUL character (PostgreSQL cannot store U+0000 in text) and no unpaired UTF-16
 *   surrogate (it cannot be encoded in UTF-8 and would be stored as {@code ?}).</li>
 *   <li>Dates and date-times: years {@value #MIN_YEAR} to {@value #MAX_YEAR}. Nothing at school
 *   happens outside, and the extremes Java accepts ({@code +999999999-12-31}) overflow
 *   PostgreSQL and date arithmetic.</li>
 *   <li>Pages: numbered from 0 to {@value #MAX_PAGE}, so that page × size always fits the offset.</li>
 * </ul>
 */
public final class InputRules {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;
    public static final int MAX_PAGE = 10_000;

    public static final LocalDate FIRST_DAY = LocalDate.of(MIN_YEAR, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(MAX_YEAR, 12, 31);

    static final String NUL = "must not contain the NUL character (U+0000)";
    static final String SURROGATE = "must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF)";
    static final String DATE_RANGE = "must be between " + FIRST_DAY + " and " + LAST_DAY;
    static final String PAGE_RANGE = "must be between 0 and " + MAX_PAGE;

    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LAST_INSTANT = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private InputRules() {
    }

    /** Why this text cannot be accepted, or {@code null} when it can. */
    public static String textProblem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return NUL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return SURROGATE;
                }
            } else if (Character.isLowSurrogate(c)) {
                return SURROGATE;
            }
        }
        return null;
    }

    /**
     * Why this date or date-time cannot be accepted, or {@code null} when it can (or is not a
     * date: other types are not this rule's business).
     */
    public static String dateProblem(Object value) {
        boolean inRange;
        if (value instanceof LocalDate d) {
            inRange = inRange(d.getYear());
        } else if (value instanceof LocalDateTime d) {
            inRange = inRange(d.getYear());
        } else if (value instanceof OffsetDateTime d) {
            inRange = inRange(d.getYear());
        } else if (value instanceof ZonedDateTime d) {
            inRange = inRange(d.getYear());
        } else if (value instanceof YearMonth d) {
            inRange = inRange(d.getYear());
        } else if (value instanceof Instant i) {
            // An Instant may lie beyond what a LocalDateTime can hold: compare instants.
            inRange = !i.isBefore(FIRST_INSTANT) && i.isBefore(AFTER_LAST_INSTANT);
        } else {
            return null;
        }
        return inRange ? null : DATE_RANGE;
    }

    /**
     * The page asked for in the {@code page} query parameter, 0 when absent; a 400 naming
     * {@code page} outside 0 to {@value #MAX_PAGE}. (Or bound an {@code int} parameter with
     * {@code @Min(0) @Max(InputRules.MAX_PAGE)}.)
     */
    public static int page(Integer requested) {
        if (requested == null) {
            return 0;
        }
        if (requested < 0 || requested > MAX_PAGE) {
            throw Problems.invalidField("page", PAGE_RANGE);
        }
        return requested;
    }

    /**
     * The page size asked for in the {@code size} query parameter: {@code defaultSize} when absent;
     * a 400 naming {@code size} outside 1 to {@code maxSize} (a size of -1 or 0 is a client's mistake,
     * not a request for a default).
     */
    public static int size(Integer requested, int defaultSize, int maxSize) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 1 || requested > maxSize) {
            throw Problems.invalidField("size", "must be between 1 and " + maxSize);
        }
        return requested;
    }

    private static boolean inRange(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }
}
