package fr.ent.homework.handin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who handed in a work, who is late, who has not: for its school side.
 *
 * @param pupils one line per pupil the work is for, by name
 */
public record HandInStatus(UUID workId, Instant dueAt, Instant closedAt, int handedIn, int late, int missing, List<Line> pupils) {

    /** @param state HANDED_IN, LATE or MISSING */
    public record Line(UUID pupilId, String lastName, String firstName, String state, Instant handedInAt, int files,
                       boolean feedback) {
    }
}
