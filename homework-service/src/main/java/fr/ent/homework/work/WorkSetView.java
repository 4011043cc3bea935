package fr.ent.homework.work;

/** The work just set, and the class's load on its due day (with the warnings above the school's thresholds). */
public record WorkSetView(WorkView work, Workload workload) {
}
