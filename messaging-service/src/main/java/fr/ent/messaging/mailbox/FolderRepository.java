package fr.ent.messaging.mailbox;

import fr.ent.web.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FolderRepository {

    private final Jdbc jdbc;

    public FolderRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Folder> of(UUID person) {
        return jdbc.query("SELECT id, name FROM folder WHERE person_id = ? ORDER BY name",
                rs -> new Folder(rs.getObject(1, UUID.class), rs.getString(2)), person);
    }

    public Optional<Folder> own(UUID person, UUID id) {
        return jdbc.one("SELECT id, name FROM folder WHERE person_id = ? AND id = ?",
                rs -> new Folder(rs.getObject(1, UUID.class), rs.getString(2)), person, id);
    }

    /** False when the person already has a folder of that name. */
    public boolean insert(UUID person, Folder folder, Instant at) {
        return jdbc.update("INSERT INTO folder (id, person_id, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                folder.id(), person, folder.name(), at) == 1;
    }

    public void delete(UUID person, UUID id) {
        jdbc.update("DELETE FROM folder WHERE person_id = ? AND id = ?", person, id);
    }
}
