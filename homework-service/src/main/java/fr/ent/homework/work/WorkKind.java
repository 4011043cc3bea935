package fr.ent.homework.work;

/** What a piece of work is: an exercise, a reading, revising for a test, or something to hand in. */
public enum WorkKind {
    EXERCISE, READING, TEST_REVISION, HAND_IN
}
