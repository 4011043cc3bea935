package fr.ent.grades.settings;

import fr.ent.directory.DirectoryClassGroup;
import fr.ent.grades.average.MarkRules;
import fr.ent.grades.support.Access;
import fr.ent.web.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** A class's subject coefficients: its staff set them (404 for anyone else), the school side of the class reads them. */
@ApplicationScoped
public class CoefficientsService {

    private final SubjectCoefficients coefficients;
    private final Access access;

    public CoefficientsService(SubjectCoefficients coefficients, Access access) {
        this.coefficients = coefficients;
        this.access = access;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, BigDecimal> get(UUID classGroupId) {
        access.requireClassReader(classGroupId);
        return coefficients.of(classGroupId);
    }

    @Transactional
    public Map<String, BigDecimal> put(UUID classGroupId, Map<String, BigDecimal> in) {
        DirectoryClassGroup group = access.requireClassReader(classGroupId);
        if (!access.isStaffOf(group.schoolId())) {
            throw Problems.notFound("Classe ou groupe introuvable.");
        }
        for (Map.Entry<String, BigDecimal> e : in.entrySet()) {
            if (!e.getKey().matches("[A-Z0-9_-]{1,40}")) {
                throw Problems.invalidField("coefficients", "code de matière invalide : " + e.getKey());
            }
            MarkRules.problemWithCoefficient(e.getValue()).ifPresent(p -> {
                throw Problems.invalidField("coefficients." + e.getKey(), p);
            });
        }
        coefficients.replace(group.schoolId(), classGroupId, in);
        return coefficients.of(classGroupId);
    }
}
