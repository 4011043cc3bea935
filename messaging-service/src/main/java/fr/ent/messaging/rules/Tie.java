package fr.ent.messaging.rules;

/**
 * Whether a recipient is tied to the sender, the fact a {@link Reach#RELATED} row asks about.
 * What "tied" means for each pair (computed from the directory by {@link Ties}):
 * teacher → pupil: teaches them; teacher → guardian: teaches one of their children; guardian →
 * teacher: teaches one of their children; pupil → teacher: teaches them; pupil → pupil: same class;
 * guardian → pupil: their child; pupil → guardian: their guardian; guardian → guardian: guardians of
 * the same child; teacher → teacher: teach a class in common; anyone → staff, staff → anyone: the
 * same school.
 */
public enum Tie {
    TIED, UNTIED
}
