package fr.ent.messaging.rules;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Who may write to whom in one school: a reach per (sender profile, recipient profile). The
 * defaults are those of the issue; staff adjust rows ({@link #with}); a row not adjusted keeps its
 * default. A plain value: no database, no HTTP, so every pair is tested with plain JUnit.
 */
public final class RuleTable {

    private static final Map<Profile, Map<Profile, Reach>> DEFAULTS = new EnumMap<>(Profile.class);

    static {
        // Staff write to anyone in their school.
        row(Profile.STAFF, Reach.ANY, Reach.ANY, Reach.ANY, Reach.ANY);
        // Teachers: colleagues, staff, the pupils they teach and those pupils' guardians.
        row(Profile.TEACHER, Reach.ANY, Reach.ANY, Reach.RELATED, Reach.RELATED);
        // Guardians: the teachers of their children and the staff; not other parents, not pupils.
        row(Profile.GUARDIAN, Reach.ANY, Reach.RELATED, Reach.NONE, Reach.NONE);
        // Pupils: their teachers and the staff; classmates only if the school allows it.
        row(Profile.PUPIL, Reach.ANY, Reach.RELATED, Reach.NONE, Reach.NONE);
    }

    /** Recipient columns in order: staff, teacher, guardian, pupil. */
    private static void row(Profile sender, Reach staff, Reach teacher, Reach guardian, Reach pupil) {
        Map<Profile, Reach> row = new EnumMap<>(Profile.class);
        row.put(Profile.STAFF, staff);
        row.put(Profile.TEACHER, teacher);
        row.put(Profile.GUARDIAN, guardian);
        row.put(Profile.PUPIL, pupil);
        DEFAULTS.put(sender, Collections.unmodifiableMap(row));
    }

    private final Map<Profile, Map<Profile, Reach>> reach;

    private RuleTable(Map<Profile, Map<Profile, Reach>> reach) {
        this.reach = reach;
    }

    public static RuleTable defaults() {
        return new RuleTable(DEFAULTS);
    }

    public static Reach defaultReach(Profile sender, Profile recipient) {
        return DEFAULTS.get(sender).get(recipient);
    }

    /** This table with one row changed. */
    public RuleTable with(Profile sender, Profile recipient, Reach value) {
        Map<Profile, Map<Profile, Reach>> copy = new EnumMap<>(Profile.class);
        reach.forEach((s, row) -> copy.put(s, new EnumMap<>(row)));
        copy.get(sender).put(recipient, value);
        return new RuleTable(copy);
    }

    public Reach reach(Profile sender, Profile recipient) {
        return reach.get(sender).get(recipient);
    }

    /** Whether a sender of that profile may write to a recipient of that profile, tied to them or not. */
    public boolean allows(Profile sender, Profile recipient, Tie tie) {
        return switch (reach(sender, recipient)) {
            case NONE -> false;
            case RELATED -> tie == Tie.TIED;
            case ANY -> true;
        };
    }
}
