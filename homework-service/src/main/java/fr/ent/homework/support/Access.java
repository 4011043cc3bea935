package fr.ent.homework.support;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.Relationships;
import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * homework's own rules on top of the shared ones of {@link Relationships}:
 * <ul>
 *   <li>a teacher writes the cahier de textes and sets work in a class or group for a subject they
 *       teach there, and changes only their own entries and work;</li>
 *   <li>the school side of a class (its teachers, any subject; the school's staff, integrations
 *       and admin) reads its whole cahier de textes, work and hand-ins; the staff stamp visas;</li>
 *   <li>an inspector (IA-IPR) of the class's school reads its published cahier de textes (entries
 *       and their attachments) and its visas, and stamps visas; nothing else (not work, hand-ins,
 *       pupils' lists, the audit);</li>
 *   <li>a pupil of a class or group and their guardians read its published entries; a pupil reads
 *       the work set for them once visible, and their own hand-ins; guardians the same for each
 *       child.</li>
 * </ul>
 * What is not yours is a 404 that reveals nothing.
 */
@ApplicationScoped
public class Access {

    private final CurrentUser user;
    private final Relationships relationships;
    private final Directory directory;
    private final SchoolClock clock;

    public Access(CurrentUser user, Relationships relationships, Directory directory, SchoolClock clock) {
        this.user = user;
        this.relationships = relationships;
        this.directory = directory;
        this.clock = clock;
    }

    public UUID me() {
        return user.actorId();
    }

    public UUID personId() {
        return user.personId();
    }

    public boolean isPerson() {
        return user.isPerson();
    }

    public Relationships relationships() {
        return relationships;
    }

    /** A teacher of that subject in that class or group (the one who writes entries and sets work). */
    public boolean writesFor(UUID classOrGroup, String subject) {
        return relationships.teachesSubject(classOrGroup, subject);
    }

    /** The school side of a class or group: its teachers, the school's staff, integrations and admin. */
    public boolean readsAsSchool(DirectoryClassGroup group) {
        return relationships.readsAsStaffOf(group.schoolId()) || relationships.teaches(group.id());
    }

    /** An inspector of the school ({@link Relationships#isInspectorOf}). */
    public boolean isInspectorOf(UUID schoolId) {
        return relationships.isInspectorOf(schoolId);
    }

    /** Reads the class's cahier de textes and visas as the school does: the school side, or an inspector of its school. */
    public boolean readsLogAsSchool(DirectoryClassGroup group) {
        return readsAsSchool(group) || isInspectorOf(group.schoolId());
    }

    /** The class or group if the caller reads its cahier de textes as the school ({@link #readsLogAsSchool}), else 404. */
    public DirectoryClassGroup requireLogReader(UUID classOrGroup) {
        DirectoryClassGroup group = classGroup(classOrGroup);
        if (!readsLogAsSchool(group)) {
            throw notAClass();
        }
        return group;
    }

    /** Stamps a visa in the class's school: its staff (admin included) or an inspector of it; else 404. */
    public void requireVisaStamper(DirectoryClassGroup group) {
        if (!isStaffOf(group.schoolId()) && !isInspectorOf(group.schoolId())) {
            throw notAClass();
        }
    }

    /** A pupil of the class or group today, or a guardian of one. */
    public boolean readsAsFamily(DirectoryClassGroup group) {
        if (!user.isPerson()) {
            return false;
        }
        if (user.hasRole(CurrentUser.PUPIL)) {
            return directory.isPupilOf(user.personId(), group.id(), clock.today());
        }
        return user.hasRole(CurrentUser.PARENT) && directory.childrenOf(user.personId()).stream()
                .anyMatch(child -> directory.isPupilOf(child, group.id(), clock.today()));
    }

    /** The class or group if the caller reads it as the school, else 404. */
    public DirectoryClassGroup requireSchoolReader(UUID classOrGroup) {
        DirectoryClassGroup group = classGroup(classOrGroup);
        if (!readsAsSchool(group)) {
            throw notAClass();
        }
        return group;
    }

    /** The class or group, or 404. */
    public DirectoryClassGroup classGroup(UUID classOrGroup) {
        return directory.classGroup(classOrGroup).orElseThrow(Access::notAClass);
    }

    /** Staff of the school (admin included), else 404. */
    public void requireStaffOf(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }

    public boolean isStaffOf(UUID schoolId) {
        return relationships.isStaffOf(schoolId);
    }

    public boolean isThePupil(UUID pupilId) {
        return relationships.isThePupil(pupilId);
    }

    public boolean isGuardianOf(UUID pupilId) {
        return relationships.isGuardianOf(pupilId);
    }

    /** The pupil, their guardians, or the school side of the pupil; else 404. */
    public Relationships.Viewer requireReaderOf(UUID pupilId) {
        return relationships.requireReaderOf(pupilId);
    }

    private static RuntimeException notAClass() {
        return Relationships.notYours("Classe ou groupe introuvable.");
    }
}
