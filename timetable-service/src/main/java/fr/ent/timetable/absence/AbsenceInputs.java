package fr.ent.timetable.absence;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import fr.ent.web.problem.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What is sent about an absence. There is no reason field on purpose, and a body carrying one (or
 * any other field not listed here: {@code reason}, {@code motif}...) is refused with a 400 naming
 * it, so no reason is ever stored: the platform's JSON mapping ignores unknown fields, hence the
 * explicit {@code unknown} catch-all (hidden from the API document).
 */
public final class AbsenceInputs {

    private AbsenceInputs() {
    }

    /** A teacher declares their own absence; {@code from}/{@code to} in school time (Europe/Paris). */
    public record Declare(@NotNull LocalDateTime from, @NotNull LocalDateTime to,
                          @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    /** Staff record a teacher's absence at once confirmed, with the substitutes wanted (others cancelled). */
    public record Record(@NotNull UUID teacherId, @NotNull LocalDateTime from, @NotNull LocalDateTime to,
                         @Size(max = 500) List<@Valid @NotNull Substitute> substitutes,
                         @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    /** Staff confirm: occurrences listed here get that substitute; every other one is cancelled. */
    public record Confirm(@Size(max = 500) List<@Valid @NotNull Substitute> substitutes,
                          @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    /** Refuses any field the API does not have (a reason above all), naming it. */
    static void refuseUnknown(Map<String, Object> unknown) {
        if (unknown != null && !unknown.isEmpty()) {
            String field = unknown.keySet().stream().sorted().findFirst().orElseThrow();
            throw Problems.invalidField(field, "champ inconnu : une absence se déclare sans motif ni autre détail");
        }
    }

    /** {@code occurrenceId}: {@code <lessonId>_<plannedDate>}, as the week views show it. */
    public record Substitute(@NotNull @Size(max = 60) String occurrenceId, @NotNull UUID teacherId) {
    }
}
