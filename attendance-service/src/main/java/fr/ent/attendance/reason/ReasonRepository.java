package fr.ent.attendance.reason;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ReasonRepository {

    private final Jdbc jdbc;

    public ReasonRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Reason> ofSchool(UUID schoolId) {
        return jdbc.query("select * from reason where school_id = ? order by code", ReasonRepository::map, schoolId);
    }

    public Optional<Reason> find(UUID id) {
        return jdbc.one("select * from reason where id = ?", ReasonRepository::map, id);
    }

    public boolean insert(Reason r) {
        return jdbc.update("""
                insert into reason (id, school_id, code, label, justifying, confidential, active)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (school_id, code) do nothing""",
                r.id(), r.schoolId(), r.code(), r.label(), r.justifying(), r.confidential(), r.active()) == 1;
    }

    public void update(Reason r) {
        jdbc.update("update reason set label = ?, justifying = ?, confidential = ?, active = ? where id = ?",
                r.label(), r.justifying(), r.confidential(), r.active(), r.id());
    }

    static Reason map(ResultSet rs) throws SQLException {
        return new Reason(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "school_id"), rs.getString("code"), rs.getString("label"),
                rs.getBoolean("justifying"), rs.getBoolean("confidential"), rs.getBoolean("active"));
    }
}
