package fr.ent.grades.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Map;

/** Subject code → coefficient (0 to 100) in the class's general average; replaces the class's list. */
public record CoefficientsInput(@NotNull @Size(max = 40) Map<String, @NotNull BigDecimal> coefficients) {
}
