package fr.ent.attendance.support;

import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * attendance's own rules (who takes a roll call, who justifies an absence), on top of the shared
 * relationship rules of {@link Relationships}. Deny by default; what is not yours is a 404, so nobody
 * learns that a pupil or a register exists in another school.
 */
@ApplicationScoped
public class Access {

    private final CurrentUser user;
    private final Relationships relationships;

    public Access(CurrentUser user, Relationships relationships) {
        this.user = user;
        this.relationships = relationships;
    }

    /** Who acts (recorded as the author of a register, an absence, a decision): admin included. */
    public UUID me() {
        return user.actorId();
    }

    public boolean isStaffOf(UUID schoolId) {
        return relationships.isStaffOf(schoolId);
    }

    /** Staff of that school (or admin), else 404. */
    public void requireStaffOf(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }

    /** Staff of the school, or a teacher of that class or group in that school. */
    public boolean canTakeRollCall(UUID schoolId, UUID groupId) {
        return relationships.isStaffOf(schoolId) || (user.belongsTo(schoolId) && relationships.teaches(groupId));
    }

    public void requireRollCall(UUID schoolId, UUID groupId) {
        if (!canTakeRollCall(schoolId, groupId)) {
            throw Relationships.notYours("Classe ou groupe introuvable.");
        }
    }

    /** The pupil as the directory knows them, or 404 when unknown. */
    public DirectoryPerson pupil(UUID pupilId) {
        return relationships.pupil(pupilId);
    }

    /** Who may read a pupil's record (see {@link Relationships#viewerOf}); everyone else gets a 404. */
    public Relationships.Viewer requireReader(UUID pupilId) {
        return relationships.requireReaderOf(pupilId);
    }

    /** Staff of one of the pupil's schools; returns that school. */
    public UUID requireStaffOfPupil(UUID pupilId) {
        return relationships.requireStaffOfPupil(pupilId);
    }

    public boolean isGuardianOf(UUID pupilId) {
        return relationships.isGuardianOf(pupilId);
    }

    /** Only a guardian justifies an absence. */
    public void requireGuardianOf(UUID pupilId) {
        if (!relationships.isGuardianOf(pupilId)) {
            throw Relationships.notYours("Absence introuvable.");
        }
    }
}
