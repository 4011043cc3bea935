package fr.ent.messaging.rules;

/**
 * How far a sender profile may write to a recipient profile, in one school.
 * <ul>
 *   <li>{@code NONE}: never;</li>
 *   <li>{@code RELATED}: only people tied to the sender (see {@link Tie}): a teacher to the pupils
 *       they teach and those pupils' guardians, a guardian to their children's teachers, a pupil to
 *       their teachers or classmates...;</li>
 *   <li>{@code ANY}: anyone of that profile in the school.</li>
 * </ul>
 */
public enum Reach {
    NONE, RELATED, ANY
}
