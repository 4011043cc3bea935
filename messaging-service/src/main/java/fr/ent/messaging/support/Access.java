package fr.ent.messaging.support;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.messaging.rules.Profile;
import fr.ent.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * messaging's own rules on top of {@link Relationships}: a mailbox is a person's own (a token
 * without a person is refused with 403); one writes in a school one is a member of, as the profile
 * the directory gives; what is not yours is a 404 that reveals nothing.
 */
@ApplicationScoped
public class Access {

    private final CurrentUser user;
    private final Relationships relationships;
    private final Directory directory;

    public Access(CurrentUser user, Relationships relationships, Directory directory) {
        this.user = user;
        this.relationships = relationships;
        this.directory = directory;
    }

    /** Who acts, for "changed by" (the platform admin has no person). */
    public UUID me() {
        return user.actorId();
    }

    /** The person whose mailbox this is; 403 for a token that names none. */
    public UUID person() {
        return user.personId();
    }

    /** A sender in that school: a person member of it, as the directory knows them, with a profile; else 404. */
    public Sender requireSender(UUID school) {
        UUID me = user.personId();
        relationships.requireMemberOf(school);
        DirectoryPerson person = directory.person(me).orElseThrow(() -> Relationships.notYours("Établissement introuvable."));
        Profile profile = Profile.of(person.role()).orElseThrow(() -> Relationships.notYours("Établissement introuvable."));
        return new Sender(me, profile, school, person.firstName() + " " + person.lastName());
    }

    public boolean isAdmin() {
        return user.isAdmin();
    }

    public boolean isStaffOf(UUID school) {
        return relationships.isStaffOf(school);
    }

    public void requireStaffOf(UUID school) {
        relationships.requireStaffOf(school);
    }

    /** Who writes, as whom, in which school. */
    public record Sender(UUID id, Profile profile, UUID school, String name) {
    }
}
