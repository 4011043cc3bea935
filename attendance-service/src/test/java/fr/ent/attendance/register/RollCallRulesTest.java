package fr.ent.attendance.register;

import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.entry.EntryKind;
import fr.ent.attendance.entry.EntryOrigin;
import fr.ent.attendance.entry.EntryStatus;
import fr.ent.web.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The roll call's rules, without Quarkus nor a database: each rule kept and broken. */
class RollCallRulesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 17);
    static final UUID SCHOOL = UUID.randomUUID();
    static final UUID TEACHER = UUID.randomUUID();
    static final UUID ANNA = UUID.randomUUID();
    static final UUID BASILE = UUID.randomUUID();
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-17T10:30+01:00");

    final RollCallRules rules = new RollCallRules(PARIS);
    final Register nineToTen = lesson(RegisterStatus.OPEN, TODAY);

    // --- opening a register

    @Test
    void a_lesson_ends_after_it_starts() {
        assertThatCode(() -> rules.checkLesson(LocalTime.of(9, 0), LocalTime.of(10, 0))).doesNotThrowAnyException();
        assertInvalid(() -> rules.checkLesson(LocalTime.of(9, 0), LocalTime.of(9, 0)), "endsAt");
        assertInvalid(() -> rules.checkLesson(LocalTime.of(10, 0), LocalTime.of(9, 0)), "endsAt");
    }

    // --- one mark

    @Test
    void a_lateness_says_how_late_and_only_a_lateness_does() {
        assertThatCode(() -> rules.checkMark(nineToTen, MarkStatus.LATE, 10, null, "")).doesNotThrowAnyException();
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.LATE, null, null, ""), "lateMinutes");
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.PRESENT, 10, null, ""), "lateMinutes");
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.ABSENT, 10, null, ""), "lateMinutes");
    }

    @Test
    void an_early_departure_says_when_during_the_lesson_and_only_an_early_departure_does() {
        assertThatCode(() -> rules.checkMark(nineToTen, MarkStatus.LEFT_EARLY, null, LocalTime.of(9, 40), ""))
                .doesNotThrowAnyException();
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.LEFT_EARLY, null, null, ""), "leftAt");
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.LEFT_EARLY, null, LocalTime.of(9, 0), ""), "leftAt");
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.LEFT_EARLY, null, LocalTime.of(10, 0), ""), "leftAt");
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.LEFT_EARLY, null, LocalTime.of(8, 30), ""), "leftAt");
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.ABSENT, null, LocalTime.of(9, 40), ""), "leftAt");
    }

    @Test
    void present_and_absent_carry_nothing_else() {
        assertThatCode(() -> rules.checkMark(nineToTen, MarkStatus.PRESENT, null, null, "")).doesNotThrowAnyException();
        assertThatCode(() -> rules.checkMark(nineToTen, MarkStatus.ABSENT, null, null, "")).doesNotThrowAnyException();
    }

    @Test
    void a_mark_of_a_roll_call_is_named_by_its_place_in_the_request() {
        assertInvalid(() -> rules.checkMark(nineToTen, MarkStatus.LATE, null, null, "marks[2]"), "marks[2].lateMinutes");
    }

    // --- the roll call

    @Test
    void the_roll_call_of_an_open_register_of_today_returns_the_pupils_marked() {
        assertThat(rules.checkRollCall(nineToTen, TODAY, List.of(present(ANNA), absent(BASILE))))
                .containsExactlyInAnyOrder(ANNA, BASILE);
        assertThat(rules.checkRollCall(lesson(RegisterStatus.OPEN, TODAY.minusDays(3)), TODAY, List.of(present(ANNA))))
                .containsExactly(ANNA);
    }

    @Test
    void a_roll_call_is_taken_once() {
        for (RegisterStatus status : List.of(RegisterStatus.SUBMITTED, RegisterStatus.VALIDATED)) {
            assertProblem(() -> rules.checkRollCall(lesson(status, TODAY), TODAY, List.of(present(ANNA))),
                    409, "register-already-taken");
        }
    }

    @Test
    void a_lesson_to_come_has_no_roll_call_yet() {
        assertProblem(() -> rules.checkRollCall(lesson(RegisterStatus.OPEN, TODAY.plusDays(1)), TODAY, List.of(present(ANNA))),
                400, "future-date");
    }

    @Test
    void a_pupil_is_marked_once() {
        assertInvalid(() -> rules.checkRollCall(nineToTen, TODAY, List.of(present(ANNA), absent(ANNA))), "marks[1].pupilId");
    }

    @Test
    void every_mark_of_the_roll_call_is_checked() {
        List<MarkInput> marks = List.of(present(ANNA), new MarkInput(BASILE, MarkStatus.LATE, null, null));
        assertInvalid(() -> rules.checkRollCall(nineToTen, TODAY, marks), "marks[1].lateMinutes");
    }

    @Test
    void a_pupil_not_on_the_class_list_is_found() {
        UUID stranger = UUID.randomUUID();
        assertThat(rules.notOnRoster(Set.of(ANNA, BASILE), Set.of(ANNA, BASILE))).isEmpty();
        assertThat(rules.notOnRoster(Set.of(ANNA, stranger), Set.of(ANNA, BASILE))).contains(stranger);
    }

    @Test
    void the_roll_call_marks_the_whole_class() {
        assertThatCode(() -> rules.checkComplete(Set.of(ANNA, BASILE), Set.of(ANNA, BASILE))).doesNotThrowAnyException();
        ProblemException p = assertProblem(() -> rules.checkComplete(Set.of(ANNA), Set.of(ANNA, BASILE)),
                400, "incomplete-roll-call");
        assertThat(p.detail()).contains("1 élève(s) sans marque");
    }

    // --- corrections

    @Test
    void a_mark_is_corrected_once_the_roll_call_is_taken_and_until_it_is_validated() {
        assertThatCode(() -> rules.checkCorrectable(lesson(RegisterStatus.SUBMITTED, TODAY))).doesNotThrowAnyException();
        assertProblem(() -> rules.checkCorrectable(lesson(RegisterStatus.OPEN, TODAY)), 409, "register-not-taken");
        assertProblem(() -> rules.checkCorrectable(lesson(RegisterStatus.VALIDATED, TODAY)), 409, "register-validated");
    }

    @Test
    void a_correction_saying_what_the_mark_says_changes_nothing() {
        Mark late = new Mark(nineToTen.id(), ANNA, MarkStatus.LATE, 10, null, UUID.randomUUID(), TEACHER, NOW);
        assertThat(rules.unchanged(late, new ChangeMark(MarkStatus.LATE, 10, null))).isTrue();
        assertThat(rules.unchanged(late, new ChangeMark(MarkStatus.LATE, 15, null))).isFalse();
        assertThat(rules.unchanged(late, new ChangeMark(MarkStatus.ABSENT, null, null))).isFalse();
        Mark left = new Mark(nineToTen.id(), ANNA, MarkStatus.LEFT_EARLY, null, LocalTime.of(9, 40), null, TEACHER, NOW);
        assertThat(rules.unchanged(left, new ChangeMark(MarkStatus.LEFT_EARLY, null, LocalTime.of(9, 40)))).isTrue();
        assertThat(rules.unchanged(left, new ChangeMark(MarkStatus.LEFT_EARLY, null, LocalTime.of(9, 45)))).isFalse();
    }

    @Test
    void a_correction_cancels_only_the_entry_this_register_made() {
        AttendanceEntry made = entry(EntryOrigin.REGISTER, nineToTen.id(), EntryStatus.UNJUSTIFIED);
        assertThat(rules.cancelledByCorrection(made, nineToTen)).isTrue();
        assertThat(rules.cancelledByCorrection(entry(EntryOrigin.REGISTER, nineToTen.id(), EntryStatus.JUSTIFIED), nineToTen))
                .isTrue();
        assertThat(rules.cancelledByCorrection(entry(EntryOrigin.REGISTER, UUID.randomUUID(), EntryStatus.UNJUSTIFIED),
                nineToTen)).as("made by another register").isFalse();
        assertThat(rules.cancelledByCorrection(entry(EntryOrigin.STAFF, null, EntryStatus.UNJUSTIFIED), nineToTen))
                .as("recorded ahead by staff").isFalse();
        assertThat(rules.cancelledByCorrection(entry(EntryOrigin.COLLECTIVE, null, EntryStatus.UNJUSTIFIED), nineToTen))
                .as("a school trip").isFalse();
        assertThat(rules.cancelledByCorrection(entry(EntryOrigin.REGISTER, nineToTen.id(), EntryStatus.CANCELLED), nineToTen))
                .as("already cancelled").isFalse();
    }

    // --- validation

    @Test
    void only_a_roll_call_taken_is_validated() {
        assertThatCode(() -> rules.checkValidate(lesson(RegisterStatus.SUBMITTED, TODAY))).doesNotThrowAnyException();
        assertProblem(() -> rules.checkValidate(lesson(RegisterStatus.OPEN, TODAY)), 409, "register-not-submitted");
        assertProblem(() -> rules.checkValidate(lesson(RegisterStatus.VALIDATED, TODAY)), 409, "register-not-submitted");
    }

    @Test
    void only_a_validated_register_is_reopened() {
        assertThatCode(() -> rules.checkReopen(lesson(RegisterStatus.VALIDATED, TODAY))).doesNotThrowAnyException();
        assertProblem(() -> rules.checkReopen(lesson(RegisterStatus.OPEN, TODAY)), 409, "register-not-validated");
        assertProblem(() -> rules.checkReopen(lesson(RegisterStatus.SUBMITTED, TODAY)), 409, "register-not-validated");
    }

    // --- what a mark makes

    @Test
    void a_present_pupil_has_no_entry() {
        assertThat(rules.entryOf(nineToTen, ANNA, MarkStatus.PRESENT, null, null, null, TEACHER, NOW)).isEmpty();
    }

    @Test
    void an_absent_pupil_gets_an_unjustified_absence_over_the_lesson() {
        AttendanceEntry e = rules.entryOf(nineToTen, ANNA, MarkStatus.ABSENT, null, null, null, TEACHER, NOW).orElseThrow();
        assertThat(e.kind()).isEqualTo(EntryKind.ABSENCE);
        assertThat(e.startsAt()).isEqualTo(OffsetDateTime.parse("2026-11-17T09:00+01:00"));
        assertThat(e.endsAt()).isEqualTo(OffsetDateTime.parse("2026-11-17T10:00+01:00"));
        assertThat(e.lateMinutes()).isNull();
        assertThat(e.pupilId()).isEqualTo(ANNA);
        assertThat(e.schoolId()).isEqualTo(SCHOOL);
        assertThat(e.status()).isEqualTo(EntryStatus.UNJUSTIFIED);
        assertThat(e.origin()).isEqualTo(EntryOrigin.REGISTER);
        assertThat(e.registerId()).isEqualTo(nineToTen.id());
        assertThat(e.recordedBy()).isEqualTo(TEACHER);
        assertThat(e.recordedAt()).isEqualTo(NOW);
    }

    @Test
    void an_absent_pupil_whose_absence_is_already_recorded_joins_it() {
        assertThat(rules.entryOf(nineToTen, ANNA, MarkStatus.ABSENT, null, null, UUID.randomUUID(), TEACHER, NOW)).isEmpty();
    }

    @Test
    void a_late_pupil_gets_a_lateness_from_the_start_of_the_lesson() {
        AttendanceEntry e = rules.entryOf(nineToTen, ANNA, MarkStatus.LATE, 12, null, null, TEACHER, NOW).orElseThrow();
        assertThat(e.kind()).isEqualTo(EntryKind.LATENESS);
        assertThat(e.startsAt()).isEqualTo(OffsetDateTime.parse("2026-11-17T09:00+01:00"));
        assertThat(e.endsAt()).isEqualTo(OffsetDateTime.parse("2026-11-17T09:12+01:00"));
        assertThat(e.lateMinutes()).isEqualTo(12);
    }

    @Test
    void a_pupil_who_left_early_gets_an_early_departure_until_the_end_of_the_lesson() {
        AttendanceEntry e = rules.entryOf(nineToTen, ANNA, MarkStatus.LEFT_EARLY, null, LocalTime.of(9, 40), null, TEACHER, NOW)
                .orElseThrow();
        assertThat(e.kind()).isEqualTo(EntryKind.EARLY_DEPARTURE);
        assertThat(e.startsAt()).isEqualTo(OffsetDateTime.parse("2026-11-17T09:40+01:00"));
        assertThat(e.endsAt()).isEqualTo(OffsetDateTime.parse("2026-11-17T10:00+01:00"));
    }

    @Test
    void lesson_times_are_the_schools_local_time() {
        Register summer = lesson(RegisterStatus.OPEN, LocalDate.of(2026, 6, 2));
        assertThat(rules.start(summer)).isEqualTo(OffsetDateTime.parse("2026-06-02T09:00+02:00"));
        assertThat(rules.end(summer)).isEqualTo(OffsetDateTime.parse("2026-06-02T10:00+02:00"));
        assertThat(rules.start(nineToTen)).isEqualTo(OffsetDateTime.parse("2026-11-17T09:00+01:00"));
    }

    // --- helpers

    static Register lesson(RegisterStatus status, LocalDate date) {
        return new Register(UUID.randomUUID(), SCHOOL, UUID.randomUUID(), "Mathématiques", date, LocalTime.of(9, 0),
                LocalTime.of(10, 0), null, TEACHER, NOW, status, null, null, null, null, null);
    }

    static MarkInput present(UUID pupil) {
        return new MarkInput(pupil, MarkStatus.PRESENT, null, null);
    }

    static MarkInput absent(UUID pupil) {
        return new MarkInput(pupil, MarkStatus.ABSENT, null, null);
    }

    static AttendanceEntry entry(EntryOrigin origin, UUID registerId, EntryStatus status) {
        return new AttendanceEntry(UUID.randomUUID(), SCHOOL, ANNA, EntryKind.ABSENCE, NOW, NOW.plusHours(1), null, null,
                status, origin, registerId, null, null, TEACHER, NOW);
    }

    static ProblemException assertProblem(ThrowingCallable call, int status, String slug) {
        ProblemException p = catchThrowableOfType(ProblemException.class, call);
        assertThat(p).as("a problem %s %s", status, slug).isNotNull();
        assertThat(p.status()).isEqualTo(status);
        assertThat(p.slug()).isEqualTo(slug);
        return p;
    }

    static void assertInvalid(ThrowingCallable call, String field) {
        ProblemException p = assertProblem(call, 400, "validation-failed");
        assertThat(p.errors()).extracting(e -> e.field()).containsExactly(field);
    }
}
