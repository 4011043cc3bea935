package fr.ent.timetable.support;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.events.contract.identity.PersonRole;
import fr.ent.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * timetable's own rules, on top of the shared ones of {@link Relationships}: a school's timetable
 * is read by its staff and its teachers (colleagues see each other's weeks), a class's by its staff
 * and its teachers; nobody reads another school's. What is not yours is a 404 that reveals nothing.
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

    /** Who acts, for "changed by". */
    public UUID me() {
        return user.actorId();
    }

    /** Reads as the school's staff do, or a teacher of the school. */
    public boolean readsSchool(UUID schoolId) {
        return relationships.readsAsStaffOf(schoolId) || isTeacherOf(schoolId);
    }

    public void requireSchoolReader(UUID schoolId) {
        if (!readsSchool(schoolId) || directory.school(schoolId).isEmpty()) {
            throw Relationships.notYours("Établissement introuvable.");
        }
    }

    /** Whether the caller is staff of the school (admin included). */
    public boolean isStaffOf(UUID schoolId) {
        return relationships.isStaffOf(schoolId);
    }

    /** Staff of the school (admin included) change its timetable. */
    public void requireStaffOf(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }

    /** A class or group: its school's staff, and the teachers who teach it. Returns it, else 404. */
    public DirectoryClassGroup requireClassReader(UUID classOrGroup) {
        return relationships.requireClassReader(classOrGroup);
    }

    /**
     * The schools whose lessons of that teacher the caller sees: all of them for the teacher; for a
     * colleague or the staff, the schools they share with the teacher. 404 when none.
     */
    public Set<UUID> requireTeacherReader(UUID teacherId) {
        DirectoryPerson teacher = directory.person(teacherId).filter(p -> p.role() == PersonRole.TEACHER)
                .orElseThrow(() -> Relationships.notYours("Enseignant introuvable."));
        Set<UUID> schools = user.isPerson() && teacherId.equals(user.personId()) && user.hasRole(CurrentUser.TEACHER)
                ? teacher.schoolIds()
                : teacher.schoolIds().stream().filter(this::readsSchool).collect(Collectors.toSet());
        if (schools.isEmpty()) {
            throw Relationships.notYours("Enseignant introuvable.");
        }
        return schools;
    }

    /** Who reads a pupil's week: see {@link Relationships#requireReaderOf}. */
    public DirectoryPerson requirePupilReader(UUID pupilId) {
        relationships.requireReaderOf(pupilId);
        return relationships.pupil(pupilId);
    }

    private boolean isTeacherOf(UUID schoolId) {
        return user.isPerson() && user.hasRole(CurrentUser.TEACHER) && user.belongsTo(schoolId);
    }
}
