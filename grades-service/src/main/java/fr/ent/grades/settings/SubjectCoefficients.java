package fr.ent.grades.settings;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The subjects' coefficients of a class for its general average (a subject not listed weighs 1). */
@ApplicationScoped
public class SubjectCoefficients {

    private final Jdbc jdbc;

    public SubjectCoefficients(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, BigDecimal> of(UUID classGroupId) {
        Map<String, BigDecimal> result = new TreeMap<>();
        if (classGroupId == null) {
            return result;
        }
        jdbc.query("select subject, coefficient from subject_coefficient where class_group_id = ?",
                rs -> result.put(rs.getString(1), rs.getBigDecimal(2)), classGroupId);
        return result;
    }

    public void replace(UUID schoolId, UUID classGroupId, Map<String, BigDecimal> coefficients) {
        jdbc.update("delete from subject_coefficient where class_group_id = ?", classGroupId);
        List<Object[]> rows = new ArrayList<>();
        coefficients.forEach((subject, c) -> rows.add(new Object[]{classGroupId, subject, schoolId, c}));
        if (!rows.isEmpty()) {
            jdbc.batch("insert into subject_coefficient (class_group_id, subject, school_id, coefficient) values (?, ?, ?, ?)", rows);
        }
    }
}
