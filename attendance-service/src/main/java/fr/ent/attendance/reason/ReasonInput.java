package fr.ent.attendance.reason;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record ReasonInput(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9_]+", message = "majuscules, chiffres et _") String code,
        @NotBlank @Size(max = 200) String label,
        @NotNull Boolean justifying,
        @NotNull Boolean confidential,
        Boolean active) {
}
