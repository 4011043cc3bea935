package fr.ent.attendance.absence;

import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.entry.EntryKind;
import fr.ent.attendance.entry.EntryRepository;
import fr.ent.attendance.threshold.ThresholdService;
import fr.ent.audit.AuditTrail;
import fr.ent.directory.DirectoryPerson;
import fr.ent.directory.Relationships;
import fr.ent.web.clock.SchoolClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A pupil's record, for the pupil, their guardians, their school's staff and their teachers. */
@ApplicationScoped
public class PupilRecordService {

    private final EntryRepository entries;
    private final EntryViews views;
    private final ThresholdService threshold;
    private final Relationships relationships;
    private final SchoolClock clock;
    private final AuditTrail audit;

    public PupilRecordService(EntryRepository entries, EntryViews views, ThresholdService threshold,
                              Relationships relationships, SchoolClock clock, AuditTrail audit) {
        this.entries = entries;
        this.views = views;
        this.threshold = threshold;
        this.relationships = relationships;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PupilRecord record(UUID pupilId, YearMonth month) {
        Relationships.Viewer viewer = relationships.requireReaderOf(pupilId);
        DirectoryPerson pupil = relationships.pupil(pupilId);
        audit.read(audit.schoolOf(pupil.schoolIds()), pupilId, "attendance.record.read");
        YearMonth m = month == null ? clock.thisMonth() : month;
        List<AttendanceEntry> ofMonth = entries.ofPupil(pupilId, clock.at(m.atDay(1).atStartOfDay()),
                clock.at(m.plusMonths(1).atDay(1).atStartOfDay()));
        Set<UUID> one = Set.of(pupilId);
        int unjustified = entries.unjustifiedHalfDays(one, m.atDay(1), m.atEndOfMonth()).getOrDefault(pupilId, 0);
        int justified = entries.justifiedHalfDays(one, m.atDay(1), m.atEndOfMonth()).getOrDefault(pupilId, 0);
        return new PupilRecord(pupilId, pupil.firstName(), pupil.lastName(), m, unjustified, justified,
                AttendanceEntry.count(ofMonth, EntryKind.LATENESS), AttendanceEntry.count(ofMonth, EntryKind.EARLY_DEPARTURE),
                views.views(ofMonth, viewer), threshold.ofPupil(pupilId));
    }
}
