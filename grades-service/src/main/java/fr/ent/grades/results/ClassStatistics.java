package fr.ent.grades.results;

import fr.ent.grades.average.Statistics;

import java.util.List;
import java.util.UUID;

/** A class's figures over a period: per subject over its pupils' averages (/20), and over their general averages. No rank. */
public record ClassStatistics(UUID classGroupId, UUID periodId, int pupils, List<Subject> subjects, Statistics general) {

    public record Subject(String subject, Statistics averages) {
    }
}
