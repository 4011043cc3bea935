package fr.ent.messaging.rules;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static fr.ent.messaging.rules.Profile.GUARDIAN;
import static fr.ent.messaging.rules.Profile.PUPIL;
import static fr.ent.messaging.rules.Profile.STAFF;
import static fr.ent.messaging.rules.Profile.TEACHER;
import static fr.ent.messaging.rules.Tie.TIED;
import static fr.ent.messaging.rules.Tie.UNTIED;
import static org.assertj.core.api.Assertions.assertThat;

/** The default rule table, every (sender, recipient) pair both ways (tied and not), and a school's adjustments. */
class RuleTableTest {

    private final RuleTable defaults = RuleTable.defaults();

    /** What the issue says, as [tied, untied] per pair. The head of a school is staff. */
    private static final Map<Profile, Map<Profile, boolean[]>> EXPECTED = new EnumMap<>(Profile.class);

    static {
        expect(STAFF, STAFF, true, true);
        expect(STAFF, TEACHER, true, true);
        expect(STAFF, GUARDIAN, true, true);
        expect(STAFF, PUPIL, true, true);
        expect(TEACHER, STAFF, true, true);
        expect(TEACHER, TEACHER, true, true);       // colleagues
        expect(TEACHER, GUARDIAN, true, false);     // guardians of the pupils they teach only
        expect(TEACHER, PUPIL, true, false);        // the pupils they teach only
        expect(GUARDIAN, STAFF, true, true);
        expect(GUARDIAN, TEACHER, true, false);     // the teachers of their children only
        expect(GUARDIAN, GUARDIAN, false, false);   // never to other parents
        expect(GUARDIAN, PUPIL, false, false);
        expect(PUPIL, STAFF, true, true);
        expect(PUPIL, TEACHER, true, false);        // their teachers only
        expect(PUPIL, GUARDIAN, false, false);
        expect(PUPIL, PUPIL, false, false);         // classmates only if the school allows it
    }

    private static void expect(Profile sender, Profile recipient, boolean tied, boolean untied) {
        EXPECTED.computeIfAbsent(sender, k -> new EnumMap<>(Profile.class)).put(recipient, new boolean[]{tied, untied});
    }

    @Test
    void every_profile_pair_follows_the_default_table_tied_or_not() {
        assertThat(EXPECTED.values().stream().mapToInt(Map::size).sum()).isEqualTo(16);
        for (Profile sender : Profile.values()) {
            for (Profile recipient : Profile.values()) {
                boolean[] expected = EXPECTED.get(sender).get(recipient);
                assertThat(defaults.allows(sender, recipient, TIED))
                        .as(sender + " → " + recipient + " (tied)").isEqualTo(expected[0]);
                assertThat(defaults.allows(sender, recipient, UNTIED))
                        .as(sender + " → " + recipient + " (untied)").isEqualTo(expected[1]);
            }
        }
    }

    @Test
    void staff_write_to_anyone_of_their_school() {
        for (Profile recipient : Profile.values()) {
            assertThat(defaults.reach(STAFF, recipient)).isEqualTo(Reach.ANY);
        }
    }

    @Test
    void a_guardian_never_writes_to_another_family() {
        assertThat(defaults.allows(GUARDIAN, GUARDIAN, TIED)).isFalse();
        assertThat(defaults.allows(GUARDIAN, GUARDIAN, UNTIED)).isFalse();
    }

    @Test
    void a_school_that_allows_it_lets_pupils_write_to_their_classmates_only() {
        RuleTable allowing = defaults.with(PUPIL, PUPIL, Reach.RELATED);
        assertThat(allowing.allows(PUPIL, PUPIL, TIED)).isTrue();
        assertThat(allowing.allows(PUPIL, PUPIL, UNTIED)).isFalse();
        assertThat(defaults.allows(PUPIL, PUPIL, TIED)).as("the defaults are untouched").isFalse();
    }

    @Test
    void a_parent_of_two_schools_follows_each_schools_table() {
        RuleTable strict = defaults.with(GUARDIAN, TEACHER, Reach.NONE);   // school A: families write to the vie scolaire only
        RuleTable usual = defaults;                                      // school B: the defaults
        assertThat(strict.allows(GUARDIAN, TEACHER, TIED)).isFalse();
        assertThat(usual.allows(GUARDIAN, TEACHER, TIED)).isTrue();
        assertThat(strict.allows(GUARDIAN, STAFF, UNTIED)).isTrue();
    }

    @Test
    void adjusting_one_row_changes_that_row_only() {
        RuleTable adjusted = defaults.with(TEACHER, PUPIL, Reach.ANY);
        for (Profile sender : Profile.values()) {
            for (Profile recipient : Profile.values()) {
                Reach expected = sender == TEACHER && recipient == PUPIL ? Reach.ANY : RuleTable.defaultReach(sender, recipient);
                assertThat(adjusted.reach(sender, recipient)).as(sender + " → " + recipient).isEqualTo(expected);
            }
        }
    }

    @Test
    void the_platform_admin_and_an_inspector_have_no_profile_so_no_row_lets_them_write_or_be_written_to() {
        assertThat(Profile.of(fr.ent.events.contract.identity.PersonRole.INSPECTOR)).isEmpty();
        assertThat(Profile.of(fr.ent.events.contract.identity.PersonRole.ADMIN)).isEmpty();
        assertThat(Profile.of(fr.ent.events.contract.identity.PersonRole.STAFF)).contains(STAFF);
    }
}
