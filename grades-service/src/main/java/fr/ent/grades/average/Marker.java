package fr.ent.grades.average;

/**
 * What a teacher enters instead of a mark, each with its one rule for averages (README, "Markers"):
 * <ul>
 *   <li>{@link #ABSENT} (Abs): the pupil missed it without a justification. Not counted, unless the
 *       school's setting {@code unjustifiedAbsenceCountsAsZero} makes it a 0.</li>
 *   <li>{@link #ABSENT_JUSTIFIED} (Abs. justifiée): never counted.</li>
 *   <li>{@link #EXEMPT} (Disp): exempted (dispensé); never counted.</li>
 *   <li>{@link #NOT_GRADED} (NN): not graded (non noté); never counted.</li>
 *   <li>{@link #NOT_HANDED_IN} (Non rendu): work due and not handed in; always counts as 0.</li>
 * </ul>
 */
public enum Marker {
    ABSENT("Abs"),
    ABSENT_JUSTIFIED("Abs. justifiée"),
    EXEMPT("Disp"),
    NOT_GRADED("NN"),
    NOT_HANDED_IN("Non rendu");

    private final String display;

    Marker(String display) {
        this.display = display;
    }

    /** How families and teachers see it (French). */
    public String display() {
        return display;
    }

    /** Whether the marker counts as a 0 in averages under the school's rules. */
    public boolean countsAsZero(boolean unjustifiedAbsenceCountsAsZero) {
        return this == NOT_HANDED_IN || (this == ABSENT && unjustifiedAbsenceCountsAsZero);
    }
}
