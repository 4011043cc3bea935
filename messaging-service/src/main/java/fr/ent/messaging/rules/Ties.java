package fr.ent.messaging.rules;

import fr.ent.directory.Directory;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Answers {@link Tie} from the directory projection, for one school (see {@link Tie} for what each pair means). */
@ApplicationScoped
public class Ties {

    private final Directory directory;
    private final SchoolClock clock;

    public Ties(Directory directory, SchoolClock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public Tie between(UUID sender, Profile senderProfile, UUID recipient, Profile recipientProfile, UUID school) {
        return tied(sender, senderProfile, recipient, recipientProfile, school) ? Tie.TIED : Tie.UNTIED;
    }

    private boolean tied(UUID s, Profile sp, UUID r, Profile rp, UUID school) {
        if (sp == Profile.STAFF || rp == Profile.STAFF) {
            return true; // both are members of the school: checked before
        }
        LocalDate today = clock.today();
        return switch (sp) {
            case TEACHER -> switch (rp) {
                case TEACHER -> intersects(directory.classesTaughtBy(s), directory.classesTaughtBy(r));
                case PUPIL -> teaches(s, r, today);
                case GUARDIAN -> childrenIn(r, school).stream().anyMatch(child -> teaches(s, child, today));
                default -> false;
            };
            case GUARDIAN -> switch (rp) {
                case TEACHER -> childrenIn(s, school).stream().anyMatch(child -> teaches(r, child, today));
                case PUPIL -> directory.isGuardianOf(s, r);
                case GUARDIAN -> intersects(childrenIn(s, school), childrenIn(r, school));
                default -> false;
            };
            case PUPIL -> switch (rp) {
                case TEACHER -> teaches(r, s, today);
                case PUPIL -> directory.classOf(s, today).filter(c -> directory.classOf(r, today).filter(c::equals).isPresent()).isPresent();
                case GUARDIAN -> directory.isGuardianOf(r, s);
                default -> false;
            };
            case STAFF -> true;
        };
    }

    private boolean teaches(UUID teacher, UUID pupil, LocalDate today) {
        Set<UUID> groups = new HashSet<>(directory.groupsOf(pupil, today));
        directory.classOf(pupil, today).ifPresent(groups::add);
        return intersects(groups, directory.classesTaughtBy(teacher));
    }

    /** The guardian's children enrolled in that school (a parent of two schools is tied in each through the child there). */
    private Set<UUID> childrenIn(UUID guardian, UUID school) {
        Set<UUID> children = new HashSet<>();
        directory.people(directory.childrenOf(guardian)).values().stream()
                .filter(child -> child.schoolIds().contains(school)).forEach(child -> children.add(child.id()));
        return children;
    }

    private static boolean intersects(Set<UUID> a, Set<UUID> b) {
        return a.stream().anyMatch(b::contains);
    }
}
