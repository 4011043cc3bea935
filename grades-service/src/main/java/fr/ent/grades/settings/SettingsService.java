package fr.ent.grades.settings;

import fr.ent.grades.average.MarkRules;
import fr.ent.grades.average.Rounding;
import fr.ent.grades.support.Access;
import fr.ent.web.clock.SchoolClock;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

@ApplicationScoped
public class SettingsService {

    private final SettingsRepository settings;
    private final Access access;
    private final SchoolClock clock;

    public SettingsService(SettingsRepository settings, Access access, SchoolClock clock) {
        this.settings = settings;
        this.access = access;
        this.clock = clock;
    }

    /** Anyone of the school reads how its marks are entered and shown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SettingsView get(UUID schoolId) {
        access.requireMemberOf(schoolId);
        return settings.of(schoolId).view();
    }

    @Transactional
    public SettingsView put(UUID schoolId, SettingsInput in) {
        access.requireStaffOf(schoolId);
        if (!MarkRules.isStep(in.markStep())) {
            throw Problems.invalidField("markStep", "le pas des notes doit être 0,01, 0,25, 0,5 ou 1");
        }
        if (Rounding.STEPS.stream().noneMatch(s -> s.compareTo(in.roundingStep()) == 0)) {
            throw Problems.invalidField("roundingStep", "l'arrondi doit être 0,01, 0,1, 0,25, 0,5 ou 1");
        }
        SchoolSettings s = settings.findByIdOptional(schoolId).orElseGet(() -> {
            SchoolSettings fresh = SchoolSettings.defaults(schoolId);
            settings.persist(fresh);
            return fresh;
        });
        s.markStep = in.markStep();
        s.roundingStep = in.roundingStep();
        s.roundingMode = in.roundingMode();
        s.unjustifiedAbsenceCountsAsZero = in.unjustifiedAbsenceCountsAsZero();
        s.pupilDelayDays = in.pupilDelayDays();
        s.guardianDelayDays = in.guardianDelayDays();
        s.showRank = Boolean.TRUE.equals(in.showRank());
        s.updatedAt = clock.instant();
        s.updatedBy = access.me();
        return s.view();
    }
}
