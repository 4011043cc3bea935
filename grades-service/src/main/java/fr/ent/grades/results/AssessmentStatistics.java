package fr.ent.grades.results;

import fr.ent.grades.average.Marker;
import fr.ent.grades.average.Statistics;

import java.util.Map;
import java.util.UUID;

/** A class's figures for one assessment on its own scale (the distribution chart), and how many got each marker. */
public record AssessmentStatistics(UUID assessmentId, Statistics marks, Map<Marker, Integer> markers) {
}
