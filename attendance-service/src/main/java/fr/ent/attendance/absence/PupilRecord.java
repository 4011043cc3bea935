package fr.ent.attendance.absence;

import fr.ent.attendance.threshold.ThresholdService;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** A pupil's attendance record for a month: the entries, the legal count, the alerts raised. */
public record PupilRecord(UUID pupilId, String firstName, String lastName, YearMonth month, int unjustifiedHalfDays,
                          int justifiedHalfDays, int latenesses, int earlyDepartures, List<EntryView> entries,
                          List<ThresholdService.Alert> alerts) {
}
