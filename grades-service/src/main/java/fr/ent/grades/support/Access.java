package fr.ent.grades.support;

import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.web.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * grades' own rules on top of the shared ones of {@link Relationships}:
 * <ul>
 *   <li>the school side of a class (its staff, integrations, admin, and every teacher who teaches
 *       it, any subject) reads its averages and statistics, from everything entered, published or
 *       not; the marks of an assessment are read by the staff side and the teachers of its subject
 *       in that class or group;</li>
 *   <li>an assessment is set and marked by a teacher of its subject in that class or group, or by
 *       the school's staff;</li>
 *   <li>a pupil reads their own marks from the assessment's pupils' time, a guardian their
 *       children's from the guardians' time; before it, the mark does not exist for them.</li>
 * </ul>
 * What is not yours is a 404 that reveals nothing.
 */
@ApplicationScoped
public class Access {

    /** As whom a pupil's results are read. */
    public enum Audience { SCHOOL, PUPIL, GUARDIAN }

    private final CurrentUser user;
    private final Relationships relationships;
    private final Directory directory;

    public Access(CurrentUser user, Relationships relationships, Directory directory) {
        this.user = user;
        this.relationships = relationships;
        this.directory = directory;
    }

    /** Who acts, for "entered by". */
    public UUID me() {
        return user.actorId();
    }

    public void requireStaffOf(UUID schoolId) {
        relationships.requireStaffOf(schoolId);
    }

    /** The school's staff, its integrations (read only) and the admin. */
    public boolean readsAsStaffOf(UUID schoolId) {
        return relationships.readsAsStaffOf(schoolId);
    }

    public boolean isStaffOf(UUID schoolId) {
        return relationships.isStaffOf(schoolId);
    }

    /** Anyone of the school (staff, teachers, pupils, guardians of its pupils, integrations), else 404. */
    public void requireMemberOf(UUID schoolId) {
        relationships.requireMemberOf(schoolId);
    }

    /** The school side of a class or group: its staff, integrations and admin, and its teachers. Returns it, else 404. */
    public DirectoryClassGroup requireClassReader(UUID classOrGroup) {
        return relationships.requireClassReader(classOrGroup);
    }

    public boolean readsClass(DirectoryClassGroup group) {
        return relationships.readsClass(group);
    }

    /**
     * Reads the marks of assessments of that subject in that class or group: the school's staff,
     * integrations and admin, or a teacher of that subject there. (Every teacher of a class reads
     * its averages: {@link #requireClassReader}, {@link #requireReaderOf}.)
     */
    public boolean readsMarksOf(UUID schoolId, UUID classOrGroup, String subject) {
        return relationships.readsAsStaffOf(schoolId) || relationships.teachesSubject(classOrGroup, subject);
    }

    /** Sets and marks assessments of that subject in that class or group: its staff, or a teacher of the subject there. */
    public boolean marks(UUID schoolId, UUID classOrGroup, String subject) {
        return relationships.isStaffOf(schoolId) || relationships.teachesSubject(classOrGroup, subject);
    }

    /**
     * The caller is the class's professeur principal (a teacher whose assignment there carries
     * identity's head-teacher flag): reads the whole class's appreciations and writes the class
     * council's with the staff.
     */
    public boolean isHeadTeacherOf(UUID classGroupId) {
        return user.isPerson() && user.hasRole(CurrentUser.TEACHER) && directory.isHeadTeacher(user.personId(), classGroupId);
    }

    /** As whom the caller reads this pupil's results, else 404. */
    public Audience requireReaderOf(UUID pupilId) {
        return audience(pupilId, relationships.requireReaderOf(pupilId));
    }

    /** The pupil and as whom the caller reads their results (one lookup of the pupil), else 404. */
    public record Reader(DirectoryPerson pupil, Audience audience) {
    }

    public Reader requireReader(UUID pupilId) {
        Relationships.Reader reader = relationships.requireReader(pupilId);
        return new Reader(reader.pupil(), audience(pupilId, reader.viewer()));
    }

    private Audience audience(UUID pupilId, Relationships.Viewer viewer) {
        if (viewer == Relationships.Viewer.SCHOOL) {
            return Audience.SCHOOL;
        }
        return relationships.isThePupil(pupilId) ? Audience.PUPIL : Audience.GUARDIAN;
    }

    public DirectoryPerson pupil(UUID pupilId) {
        return relationships.pupil(pupilId);
    }

    public boolean isPerson() {
        return user.isPerson();
    }

    public boolean isPupil() {
        return user.isPerson() && user.hasRole(CurrentUser.PUPIL);
    }

    public UUID personId() {
        return user.personId();
    }
}
