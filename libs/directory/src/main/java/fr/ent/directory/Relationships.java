package fr.ent.directory;

import fr.ent.web.CurrentUser;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.ProblemException;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The questions every service asks before showing or changing anything about a pupil, a class or a
 * school, answered once from the caller's token ({@link CurrentUser}) and the directory projection.
 * Roles say what someone may do in general; these say whether this pupil, this class, this school
 * is theirs. What is not theirs is answered with {@link #notYours}: a 404 that reveals nothing.
 * <p>
 * The rules:
 * <ul>
 *   <li>the platform admin is staff of every school;</li>
 *   <li>staff of a school: role {@code staff} and the school in the token;</li>
 *   <li>a school integration (service account) reads what that school's staff read, and changes
 *       nothing unless granted ({@link CurrentUser#changesAsStaffOf});</li>
 *   <li>a teacher teaches a class or group through a current teaching assignment, and teaches the
 *       pupils enrolled in it today;</li>
 *   <li>a guardian is the current guardian of the pupil, in any school; receiving communications is
 *       a further flag of the guardianship;</li>
 *   <li>a member of a school: admin, its staff, teachers, pupils and integrations, a guardian of a
 *       pupil of it;</li>
 *   <li>an inspector of a school: role {@code inspector}, the school in the token and known to the
 *       directory ({@link #isInspectorOf}). Deliberately in none of the rules above (not a member,
 *       not staff, no reader of a class or a pupil): a service grants an inspector only what it
 *       chooses to, by asking this.</li>
 * </ul>
 */
@ApplicationScoped
public class Relationships {

    /** How a pupil's data is shown: families never see what is kept for the school (confidential reasons...). */
    public enum Viewer { SCHOOL, FAMILY }

    private final CurrentUser user;
    private final Directory directory;
    private final SchoolClock clock;

    public Relationships(CurrentUser user, Directory directory, SchoolClock clock) {
        this.user = user;
        this.directory = directory;
        this.clock = clock;
    }

    /** The one way to say "not yours": 404, worded like "does not exist". */
    public static ProblemException notYours(String detail) {
        return Problems.notFound(detail);
    }

    public boolean isStaffOf(UUID schoolId) {
        return user.isStaffOf(schoolId);
    }

    /** Staff of a school the directory knows (the admin too gets a 404 for a school that does not exist). */
    public void requireStaffOf(UUID schoolId) {
        if (!isStaffOf(schoolId) || directory.school(schoolId).isEmpty()) {
            throw notYours("Établissement introuvable.");
        }
    }

    /**
     * An inspector (IA-IPR) assigned to this school: role {@code inspector}, the school in their
     * token and known to the directory. Kept out of {@link #readsAsStaffOf}, {@link #readsClass},
     * {@link #isMemberOf}: each service says where it lets an inspector read (or stamp).
     */
    public boolean isInspectorOf(UUID schoolId) {
        return user.isPerson() && user.hasRole(CurrentUser.INSPECTOR) && user.belongsTo(schoolId)
                && directory.school(schoolId).isPresent();
    }

    /** Reads as the school's staff do: staff, admin, the school's integrations. */
    public boolean readsAsStaffOf(UUID schoolId) {
        return user.readsAsStaffOf(schoolId);
    }

    /**
     * Admin; the school's staff, teachers, pupils and integrations (the school in their token); a
     * guardian with a child in that school, as the directory knows it now (not the token: a
     * guardian's schools are those of their children).
     */
    public boolean isMemberOf(UUID schoolId) {
        if (user.isAdmin() || (user.isIntegration() && user.belongsTo(schoolId))) {
            return true;
        }
        if (!user.isPerson()) {
            return false;
        }
        if ((user.hasRole(CurrentUser.STAFF) || user.hasRole(CurrentUser.TEACHER) || user.hasRole(CurrentUser.PUPIL))
                && user.belongsTo(schoolId)) {
            return true;
        }
        return user.hasRole(CurrentUser.PARENT) && directory.people(directory.childrenOf(user.personId())).values().stream()
                .anyMatch(child -> child.schoolIds().contains(schoolId));
    }

    public void requireMemberOf(UUID schoolId) {
        if (!isMemberOf(schoolId) || directory.school(schoolId).isEmpty()) {
            throw notYours("Établissement introuvable.");
        }
    }

    /**
     * The school side of a class or group reads it: its school's staff, integrations and the admin
     * ({@link #readsAsStaffOf}), and the teachers who teach it ({@link #teaches}).
     */
    public boolean readsClass(DirectoryClassGroup group) {
        return readsAsStaffOf(group.schoolId()) || teaches(group.id());
    }

    /** The class or group, for its school side ({@link #readsClass}); else 404 like an unknown one. */
    public DirectoryClassGroup requireClassReader(UUID classOrGroup) {
        DirectoryClassGroup group = directory.classGroup(classOrGroup)
                .orElseThrow(() -> notYours("Classe ou groupe introuvable."));
        if (!readsClass(group)) {
            throw notYours("Classe ou groupe introuvable.");
        }
        return group;
    }

    /**
     * The schools in which the caller reads a teacher's day (their lessons and what they did of
     * them): the teacher themself, all their schools; the staff (and admin, integrations) of each of
     * the teacher's schools, that one. Not a teacher, or none of theirs: 404 like an unknown one.
     */
    public Set<UUID> requireTeacherDayReader(UUID teacherId) {
        var teacher = directory.person(teacherId)
                .filter(p -> p.role() == fr.ent.events.contract.identity.PersonRole.TEACHER)
                .orElseThrow(() -> notYours("Enseignant introuvable."));
        boolean me = user.isPerson() && teacherId.equals(user.personId()) && user.hasRole(CurrentUser.TEACHER);
        Set<UUID> schools = new HashSet<>();
        for (UUID school : teacher.schoolIds()) {
            if (me || isStaffOf(school)) {
                schools.add(school);
            }
        }
        if (schools.isEmpty()) {
            throw notYours("Enseignant introuvable.");
        }
        return schools;
    }

    /** A teacher of this class or group, in a school their token lists. */
    public boolean teaches(UUID classOrGroup) {
        if (!(user.isPerson() && user.hasRole(CurrentUser.TEACHER))) {
            return false;
        }
        Optional<DirectoryClassGroup> group = directory.classGroup(classOrGroup);
        return group.isPresent() && user.belongsTo(group.get().schoolId())
                && directory.teaches(user.personId(), classOrGroup);
    }

    /** A teacher of this subject in this class or group, in a school their token lists. */
    public boolean teachesSubject(UUID classOrGroup, String subject) {
        return teaches(classOrGroup) && directory.teaches(user.personId(), classOrGroup, subject);
    }

    /** A teacher of one of the pupil's classes or groups today, in a school their token lists. */
    public boolean teachesPupil(UUID pupilId) {
        if (!(user.isPerson() && user.hasRole(CurrentUser.TEACHER))) {
            return false;
        }
        return directory.person(pupilId).map(this::teachesPupil).orElse(false);
    }

    private boolean teachesPupil(DirectoryPerson pupil) {
        if (!(user.isPerson() && user.hasRole(CurrentUser.TEACHER))) {
            return false;
        }
        UUID pupilId = pupil.id();
        if (pupil.schoolIds().stream().noneMatch(user::belongsTo)) {
            return false;
        }
        LocalDate today = clock.today();
        Set<UUID> groups = new HashSet<>(directory.groupsOf(pupilId, today));
        directory.classOf(pupilId, today).ifPresent(groups::add);
        Set<UUID> taught = directory.classesTaughtBy(user.personId());
        return groups.stream().anyMatch(taught::contains);
    }

    public boolean isGuardianOf(UUID pupilId) {
        return user.isPerson() && user.hasRole(CurrentUser.PARENT) && directory.isGuardianOf(user.personId(), pupilId);
    }

    /** A guardian whose guardianship says they receive communications about the pupil. */
    public boolean receivesCommunicationsAbout(UUID pupilId) {
        return isGuardianOf(pupilId) && directory.guardiansReceivingCommunications(pupilId).contains(user.personId());
    }

    public boolean isThePupil(UUID pupilId) {
        return user.isPerson() && user.hasRole(CurrentUser.PUPIL) && pupilId.equals(user.personId());
    }

    /** The pupil as the directory knows them, or 404 when unknown. */
    public DirectoryPerson pupil(UUID pupilId) {
        return directory.person(pupilId).orElseThrow(() -> notYours("Élève introuvable."));
    }

    /**
     * Who may read a pupil's data, and as whom: the pupil and their guardians as family; the staff
     * and integrations of the pupil's school, and the teachers of the pupil, as the school.
     */
    public Optional<Viewer> viewerOf(UUID pupilId) {
        return directory.person(pupilId).flatMap(this::viewerOf);
    }

    /** A pupil and as whom the caller reads their data ({@link #requireReader}). */
    public record Reader(DirectoryPerson pupil, Viewer viewer) {
    }

    /** {@link #requireReaderOf} with the pupil as the directory knows them, in one lookup of the pupil; else 404. */
    public Reader requireReader(UUID pupilId) {
        DirectoryPerson pupil = directory.person(pupilId).orElseThrow(() -> notYours("Élève introuvable."));
        return new Reader(pupil, viewerOf(pupil).orElseThrow(() -> notYours("Élève introuvable.")));
    }

    private Optional<Viewer> viewerOf(DirectoryPerson pupil) {
        UUID pupilId = pupil.id();
        if (user.isAdmin() || pupil.schoolIds().stream().anyMatch(user::readsAsStaffOf) || teachesPupil(pupil)) {
            return Optional.of(Viewer.SCHOOL);
        }
        if (isThePupil(pupilId) || isGuardianOf(pupilId)) {
            return Optional.of(Viewer.FAMILY);
        }
        return Optional.empty();
    }

    /** {@link #viewerOf}, or 404. */
    public Viewer requireReaderOf(UUID pupilId) {
        return viewerOf(pupilId).orElseThrow(() -> notYours("Élève introuvable."));
    }

    /** Staff of one of the pupil's schools (admin included); returns that school, else 404. */
    public UUID requireStaffOfPupil(UUID pupilId) {
        return pupil(pupilId).schoolIds().stream().filter(this::isStaffOf).findFirst()
                .orElseThrow(() -> notYours("Élève introuvable."));
    }
}
