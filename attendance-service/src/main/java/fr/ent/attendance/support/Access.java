package fr.ent.attendance.support;

import fr.ent.directory.Relationships;
import fr.ent.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * attendance's own rule, on top of the shared relationship rules of {@link Relationships} (used
 * directly for everything else): who takes a class's roll call and sees its registers and
 * statistics. Deny by default; what is not yours is a 404, so nobody learns that a register
 * exists in another school.
 */
@ApplicationScoped
public class Access {

    private final CurrentUser user;
    private final Relationships relationships;

    public Access(CurrentUser user, Relationships relationships) {
        this.user = user;
        this.relationships = relationships;
    }

    /** Staff of the school, or a teacher of that class or group in that school. */
    public boolean canTakeRollCall(UUID schoolId, UUID groupId) {
        return relationships.isStaffOf(schoolId) || (user.belongsTo(schoolId) && relationships.teaches(groupId));
    }

    /** A teacher of that lesson occurrence (its substitute included), in that school. */
    public boolean teachesOccurrence(UUID schoolId, List<UUID> occurrenceTeachers) {
        return user.isPerson() && user.hasRole(CurrentUser.TEACHER) && user.belongsTo(schoolId)
                && occurrenceTeachers.contains(user.personId());
    }

    /** {@link #requireRollCall(UUID, UUID)}, or a teacher of the register's lesson occurrence (a substitute). */
    public void requireRollCall(UUID schoolId, UUID groupId, List<UUID> occurrenceTeachers) {
        if (!teachesOccurrence(schoolId, occurrenceTeachers)) {
            requireRollCall(schoolId, groupId);
        }
    }

    public void requireRollCall(UUID schoolId, UUID groupId) {
        if (!canTakeRollCall(schoolId, groupId)) {
            throw Relationships.notYours("Classe ou groupe introuvable.");
        }
    }
}
