package fr.ent.identity.school;

import fr.ent.events.contract.identity.SchoolUpserted;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "school")
public class School {
    @Id public UUID id;
    public String uai;
    public String name;
    public String type;
    public String academy;
    @Column(name = "time_zone") public String timeZone;
    public long version;
    @Column(name = "created_at") public OffsetDateTime createdAt;
    @Column(name = "updated_at") public OffsetDateTime updatedAt;

    public SchoolUpserted event() {
        return new SchoolUpserted(id, uai, name, type, academy, timeZone, version);
    }
}
