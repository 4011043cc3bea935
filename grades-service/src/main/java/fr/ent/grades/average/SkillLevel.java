package fr.ent.grades.average;

/**
 * The four levels on which an item of the socle commun is rated (the national scale of the livret
 * scolaire), shown beside or instead of a mark; never turned into a mark.
 */
public enum SkillLevel {
    INSUFFICIENT("Maîtrise insuffisante"),
    FRAGILE("Maîtrise fragile"),
    SATISFACTORY("Maîtrise satisfaisante"),
    VERY_GOOD("Très bonne maîtrise");

    private final String display;

    SkillLevel(String display) {
        this.display = display;
    }

    public String display() {
        return display;
    }
}
