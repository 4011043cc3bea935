package fr.ent.attendance.stats;

import fr.ent.attendance.absence.EntryView;
import fr.ent.attendance.absence.EntryViews;
import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.entry.EntryKind;
import fr.ent.attendance.entry.EntryRepository;
import fr.ent.attendance.justification.JustificationRepository;
import fr.ent.attendance.reason.Reason;
import fr.ent.attendance.reason.ReasonRepository;
import fr.ent.attendance.register.Register;
import fr.ent.attendance.register.RegisterRepository;
import fr.ent.attendance.register.RegisterStatus;
import fr.ent.attendance.support.Access;
import fr.ent.attendance.threshold.ThresholdService;
import fr.ent.audit.AuditTrail;
import fr.ent.directory.Directory;
import fr.ent.directory.DirectoryClassGroup;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static fr.ent.attendance.entry.AttendanceEntry.count;

/** The CPE's views: the school's day, a class's month, the CSV export. */
@ApplicationScoped
public class StatsService {

    public record SchoolDay(UUID schoolId, LocalDate date, Counts counts, List<EntryView> entries) {
    }

    public record Counts(int absences, int pupilsAbsent, int latenesses, int earlyDepartures, int unjustified,
                         int registersOpened, int registersTaken, int registersNotTaken, int pendingJustifications,
                         int alertsThisMonth) {
    }

    public record PupilMonth(UUID pupilId, String firstName, String lastName, int absences, int unjustifiedHalfDays,
                             int justifiedHalfDays, int latenesses, int earlyDepartures, boolean thresholdReached) {
    }

    public record ClassMonth(UUID groupId, String name, YearMonth month, int pupils, int absences, int unjustifiedHalfDays,
                             int justifiedHalfDays, int latenesses, int earlyDepartures, int pupilsOverThreshold,
                             List<PupilMonth> byPupil) {
    }

    private final EntryRepository entries;
    private final EntryViews views;
    private final RegisterRepository registers;
    private final JustificationRepository justifications;
    private final ThresholdService threshold;
    private final ReasonRepository reasons;
    private final Directory directory;
    private final Access access;
    private final Relationships relationships;
    private final SchoolClock clock;
    private final AuditTrail audit;

    public StatsService(EntryRepository entries, EntryViews views, RegisterRepository registers,
                        JustificationRepository justifications, ThresholdService threshold, ReasonRepository reasons,
                        Directory directory, Access access, Relationships relationships, SchoolClock clock, AuditTrail audit) {
        this.audit = audit;
        this.entries = entries;
        this.views = views;
        this.registers = registers;
        this.justifications = justifications;
        this.threshold = threshold;
        this.reasons = reasons;
        this.directory = directory;
        this.access = access;
        this.relationships = relationships;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SchoolDay schoolDay(UUID schoolId, LocalDate date) {
        relationships.requireStaffOf(schoolId);
        LocalDate day = date == null ? clock.today() : date;
        List<AttendanceEntry> ofDay = entries.ofSchool(schoolId, clock.at(day.atStartOfDay()), clock.at(day.plusDays(1).atStartOfDay()));
        List<Register> regs = registers.ofSchool(schoolId, day);
        int opened = regs.size();
        int notTaken = (int) regs.stream().filter(r -> r.status() == RegisterStatus.OPEN).count();
        Counts counts = new Counts(
                count(ofDay, EntryKind.ABSENCE),
                (int) ofDay.stream().filter(e -> e.kind() == EntryKind.ABSENCE).map(AttendanceEntry::pupilId).distinct().count(),
                count(ofDay, EntryKind.LATENESS), count(ofDay, EntryKind.EARLY_DEPARTURE),
                (int) ofDay.stream().filter(AttendanceEntry::counts).count(),
                opened, opened - notTaken, notTaken,
                justifications.ofSchool(schoolId, "PENDING").size(),
                threshold.ofSchool(schoolId, YearMonth.from(day)).size());
        return new SchoolDay(schoolId, day, counts, views.forSchool(ofDay));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ClassMonth classMonth(UUID groupId, YearMonth month) {
        DirectoryClassGroup group = directory.classGroup(groupId)
                .orElseThrow(() -> Problems.notFound("Classe ou groupe introuvable."));
        access.requireRollCall(group.schoolId(), groupId);
        YearMonth m = month == null ? clock.thisMonth() : month;
        LocalDate last = m.atEndOfMonth();
        Set<UUID> pupils = directory.pupilsOf(groupId, clock.today().isBefore(last) && !clock.today().isBefore(m.atDay(1))
                ? clock.today() : last);
        List<AttendanceEntry> ofMonth = pupils.isEmpty() ? List.of()
                : entries.ofPupils(pupils, clock.at(m.atDay(1).atStartOfDay()), clock.at(m.plusMonths(1).atDay(1).atStartOfDay()));
        Map<UUID, List<AttendanceEntry>> byPupil = ofMonth.stream().collect(Collectors.groupingBy(AttendanceEntry::pupilId));
        Map<UUID, Integer> unjustified = entries.unjustifiedHalfDays(pupils, m.atDay(1), last);
        Map<UUID, Integer> justified = entries.justifiedHalfDays(pupils, m.atDay(1), last);
        List<PupilMonth> lines = new ArrayList<>();
        for (UUID pupil : pupils) {
            List<AttendanceEntry> own = byPupil.getOrDefault(pupil, List.of());
            Optional<DirectoryPerson> person = directory.person(pupil);
            int u = unjustified.getOrDefault(pupil, 0);
            lines.add(new PupilMonth(pupil, person.map(DirectoryPerson::firstName).orElse(null),
                    person.map(DirectoryPerson::lastName).orElse(null), count(own, EntryKind.ABSENCE), u,
                    justified.getOrDefault(pupil, 0), count(own, EntryKind.LATENESS), count(own, EntryKind.EARLY_DEPARTURE),
                    threshold.reached(u)));
        }
        lines.sort(Comparator.comparing((PupilMonth p) -> p.lastName() == null ? "" : p.lastName())
                .thenComparing(p -> p.firstName() == null ? "" : p.firstName()));
        return new ClassMonth(groupId, group.name(), m, pupils.size(), count(ofMonth, EntryKind.ABSENCE),
                lines.stream().mapToInt(PupilMonth::unjustifiedHalfDays).sum(),
                lines.stream().mapToInt(PupilMonth::justifiedHalfDays).sum(),
                count(ofMonth, EntryKind.LATENESS), count(ofMonth, EntryKind.EARLY_DEPARTURE),
                (int) lines.stream().filter(PupilMonth::thresholdReached).count(), lines);
    }

    /** Staff only: every entry of the period, one line each, for a spreadsheet. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String csv(UUID schoolId, LocalDate from, LocalDate to) {
        relationships.requireStaffOf(schoolId);
        if (to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw Problems.badRequest("period-invalid", "La période doit aller de from à to, un an au plus.");
        }
        List<AttendanceEntry> all = entries.ofSchool(schoolId, clock.at(from.atStartOfDay()), clock.at(to.plusDays(1).atStartOfDay()));
        audit.readAll(schoolId, "attendance.export", all.stream().map(AttendanceEntry::pupilId).toList());
        Map<UUID, Reason> reasonById = new HashMap<>();
        reasons.ofSchool(schoolId).forEach(r -> reasonById.put(r.id(), r));
        Map<UUID, Optional<DirectoryPerson>> people = new HashMap<>();
        StringBuilder csv = new StringBuilder("id;eleve_id;nom;prenom;type;debut;fin;minutes;statut;motif;origine\r\n");
        for (AttendanceEntry e : all) {
            Optional<DirectoryPerson> p = people.computeIfAbsent(e.pupilId(), directory::person);
            Reason reason = reasonById.get(e.reasonId());
            csv.append(e.id()).append(';').append(e.pupilId()).append(';')
                    .append(cell(p.map(DirectoryPerson::lastName).orElse(""))).append(';')
                    .append(cell(p.map(DirectoryPerson::firstName).orElse(""))).append(';')
                    .append(e.kind()).append(';').append(clock.local(e.startsAt())).append(';')
                    .append(clock.local(e.endsAt())).append(';')
                    .append(e.lateMinutes() == null ? "" : e.lateMinutes()).append(';')
                    .append(e.status()).append(';').append(reason == null ? "" : cell(reason.code())).append(';')
                    .append(e.origin()).append("\r\n");
        }
        return csv.toString();
    }

    /** Quotes a cell, and defuses spreadsheet formulas (=, +, -, @). */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
