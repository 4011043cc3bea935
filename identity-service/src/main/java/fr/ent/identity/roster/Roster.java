package fr.ent.identity.roster;

import fr.ent.events.contract.identity.GroupKind;

import java.time.LocalDate;
import java.util.List;

/** A school's roster as read from its CSV files, every row with its line for error reports. */
record Roster(List<ClassRow> classes, List<PupilRow> pupils, List<GuardianRow> guardians, List<TeacherRow> teachers) {

    record ClassRow(int line, String code, String name, GroupKind kind, String level) {
    }

    record PupilRow(int line, String id, String lastName, String firstName, LocalDate birthDate, String classCode,
                    List<String> groupCodes) {
    }

    record GuardianRow(int line, String id, String lastName, String firstName, String email, List<String> pupilIds,
                       boolean legal, boolean communications) {
    }

    record Service(String classCode, String subject) {
    }

    /** @param headTeacherOf class codes where the teacher is professeur principal; null when the file has no such column */
    record TeacherRow(int line, String id, String lastName, String firstName, String email, List<Service> services,
                      List<String> headTeacherOf) {
    }

    /** One invalid value: the file (classes, pupils, guardians, teachers), its line (1 = header), the column. */
    record LineError(String file, int line, String field, String message) {
    }

    int size() {
        return classes.size() + pupils.size() + guardians.size() + teachers.size();
    }
}
