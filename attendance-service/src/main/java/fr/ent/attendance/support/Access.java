package fr.ent.attendance.support;

import fr.ent.web.clock.SchoolClock;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryPerson;
import fr.ent.web.CurrentUser;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Relationship checks, on top of the roles of each endpoint. Deny by default; what is not yours is
 * a 404, so nobody learns that a pupil or a register exists in another school.
 */
@ApplicationScoped
public class Access {

    /** Who is looking at a pupil's record: families never see confidential reasons. */
    public enum Viewer { SCHOOL, FAMILY }

    private final CurrentUser user;
    private final Directory directory;
    private final SchoolClock clock;

    public Access(CurrentUser user, Directory directory, SchoolClock clock) {
        this.user = user;
        this.directory = directory;
        this.clock = clock;
    }

    public UUID me() {
        return user.personId();
    }

    public boolean isStaffOf(UUID schoolId) {
        return user.isAdmin() || (user.hasRole("staff") && user.belongsTo(schoolId));
    }

    /** Staff of that school (or admin), else 404. */
    public void requireStaffOf(UUID schoolId) {
        if (!isStaffOf(schoolId)) {
            throw Problems.notFound("Établissement introuvable.");
        }
    }

    /** Staff of the school, or a teacher of that class or group in that school. */
    public boolean canTakeRollCall(UUID schoolId, UUID groupId) {
        return isStaffOf(schoolId)
                || (user.hasRole("teacher") && user.belongsTo(schoolId) && directory.teaches(user.personId(), groupId));
    }

    public void requireRollCall(UUID schoolId, UUID groupId) {
        if (!canTakeRollCall(schoolId, groupId)) {
            throw Problems.notFound("Classe ou groupe introuvable.");
        }
    }

    /** The pupil as the directory knows them, or 404 when unknown. */
    public DirectoryPerson pupil(UUID pupilId) {
        return directory.person(pupilId).orElseThrow(() -> Problems.notFound("Élève introuvable."));
    }

    /**
     * Who may read a pupil's record: the pupil, their guardians, their school's staff, the teachers
     * of their class or groups; everyone else gets a 404.
     */
    public Viewer requireReader(UUID pupilId) {
        DirectoryPerson pupil = pupil(pupilId);
        if (user.isAdmin()) {
            return Viewer.SCHOOL;
        }
        if (pupilId.equals(user.personId()) && user.hasRole("pupil")) {
            return Viewer.FAMILY;
        }
        if (user.hasRole("parent") && directory.isGuardianOf(user.personId(), pupilId)) {
            return Viewer.FAMILY;
        }
        boolean sameSchool = pupil.schoolIds().stream().anyMatch(user::belongsTo);
        if (sameSchool && user.hasRole("staff")) {
            return Viewer.SCHOOL;
        }
        if (sameSchool && user.hasRole("teacher") && teachesPupil(pupilId)) {
            return Viewer.SCHOOL;
        }
        throw Problems.notFound("Élève introuvable.");
    }

    /** Staff of one of the pupil's schools; returns that school. */
    public UUID requireStaffOfPupil(UUID pupilId) {
        DirectoryPerson pupil = pupil(pupilId);
        return pupil.schoolIds().stream().filter(this::isStaffOf).findFirst()
                .orElseThrow(() -> Problems.notFound("Élève introuvable."));
    }

    public void requireGuardianOf(UUID pupilId) {
        if (!(user.hasRole("parent") && directory.isGuardianOf(user.personId(), pupilId))) {
            throw Problems.notFound("Absence introuvable.");
        }
    }

    private boolean teachesPupil(UUID pupilId) {
        LocalDate today = clock.today();
        Set<UUID> groups = new HashSet<>(directory.groupsOf(pupilId, today));
        directory.classOf(pupilId, today).ifPresent(groups::add);
        Set<UUID> taught = directory.classesTaughtBy(user.personId());
        return groups.stream().anyMatch(taught::contains);
    }
}
