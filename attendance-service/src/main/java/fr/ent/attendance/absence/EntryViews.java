package fr.ent.attendance.absence;

import fr.ent.attendance.entry.AttendanceEntry;
import fr.ent.attendance.justification.JustificationRepository;
import fr.ent.attendance.reason.Reason;
import fr.ent.attendance.reason.ReasonRepository;
import fr.ent.directory.Relationships.Viewer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns entries into what a reader may see: reasons resolved, confidential ones hidden from families. */
@ApplicationScoped
public class EntryViews {

    private final ReasonRepository reasons;
    private final JustificationRepository justifications;

    public EntryViews(ReasonRepository reasons, JustificationRepository justifications) {
        this.reasons = reasons;
        this.justifications = justifications;
    }

    public List<EntryView> forSchool(List<AttendanceEntry> entries) {
        return views(entries, Viewer.SCHOOL);
    }

    public List<EntryView> views(List<AttendanceEntry> entries, Viewer viewer) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<UUID, Reason> byId = new HashMap<>();
        entries.stream().map(AttendanceEntry::schoolId).distinct()
                .forEach(school -> reasons.ofSchool(school).forEach(r -> byId.put(r.id(), r)));
        Map<UUID, String> justification = justifications.latestStatus(entries.stream().map(AttendanceEntry::id).toList());
        return entries.stream().map(e -> view(e, byId.get(e.reasonId()), justification.get(e.id()), viewer)).toList();
    }

    static EntryView view(AttendanceEntry e, Reason reason, String justification, Viewer viewer) {
        boolean family = viewer == Viewer.FAMILY;
        EntryView.ReasonView reasonView = reason == null || (family && reason.confidential()) ? null
                : new EntryView.ReasonView(reason.id(), reason.code(), reason.label(), reason.justifying(),
                family ? null : reason.confidential());
        return new EntryView(e.id(), e.pupilId(), e.kind(), e.startsAt(), e.endsAt(), e.lateMinutes(), e.status(), e.origin(),
                e.registerId(), e.collectiveId(), reasonView, family ? null : e.comment(), justification);
    }
}
