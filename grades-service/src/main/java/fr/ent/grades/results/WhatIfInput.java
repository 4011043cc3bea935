package fr.ent.grades.results;

import fr.ent.grades.average.Marker;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Hypothetical results, stored nowhere. Each is either another result for an assessment the caller
 * sees ({@code assessmentId}: its subject, coefficient and scale are the assessment's) or a coming
 * one ({@code subject}, {@code coefficient}, {@code scale} default 20, {@code optional}); with a
 * {@code value} on its scale or a {@code marker}.
 */
public record WhatIfInput(@NotNull @Size(max = 50) List<@NotNull @Valid Hypothesis> hypotheses) {

    public record Hypothesis(UUID assessmentId, @Size(max = 40) @Pattern(regexp = "[A-Z0-9_-]+") String subject,
                             BigDecimal coefficient, Integer scale, Boolean optional, BigDecimal value, Marker marker) {
    }
}
