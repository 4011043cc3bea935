package fr.ent.notification.home;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose home the caller sees, decided in the one shared place (libs/directory's Relationships):
 * a pupil sees their own block; a guardian one block per current child, in whichever school; a
 * guardianship that ended, or a child no longer enrolled anywhere today, is no longer shown. There
 * is no way to name anyone: the home is always the caller's.
 */
@ApplicationScoped
public class HomeService {

    private final Home home;
    private final Relationships relationships;
    private final Directory directory;
    private final SchoolClock clock;
    private final CurrentUser user;

    HomeService(Home home, Relationships relationships, Directory directory, SchoolClock clock, CurrentUser user) {
        this.home = home;
        this.relationships = relationships;
        this.directory = directory;
        this.clock = clock;
        this.user = user;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Home.HomeView mine() {
        UUID me = user.personId();
        LocalDate today = clock.today();
        List<Home.Seen> seen = new ArrayList<>();
        if (relationships.isThePupil(me)) {
            enrolled(me, false, today).ifPresent(seen::add);
        }
        for (UUID child : directory.childrenOf(me)) {
            if (relationships.isGuardianOf(child)) {
                enrolled(child, true, today).ifPresent(seen::add);
            }
        }
        seen.sort(Comparator.comparing(Home.Seen::firstName, String.CASE_INSENSITIVE_ORDER).thenComparing(Home.Seen::pupilId));
        return home.of(me, seen, clock.instant(), today);
    }

    /** The pupil with the school of their class today; empty when not enrolled today (or unknown). */
    private Optional<Home.Seen> enrolled(UUID pupil, boolean asGuardian, LocalDate today) {
        Optional<DirectoryPerson> person = directory.person(pupil);
        Optional<UUID> school = directory.classOf(pupil, today).flatMap(directory::classGroup).map(DirectoryClassGroup::schoolId);
        if (person.isEmpty() || school.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Home.Seen(pupil, person.get().firstName(), school.get(), asGuardian));
    }
}
