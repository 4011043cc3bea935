package fr.ent.identity.guardianship;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "guardianship")
public class Guardianship extends PanacheEntityBase {
    @Id public UUID id;
    @Column(name = "guardian_id") public UUID guardianId;
    @Column(name = "pupil_id") public UUID pupilId;
    @Column(name = "legal_responsibility") public boolean legalResponsibility;
    @Column(name = "receives_communications") public boolean receivesCommunications;
    @Column(name = "ended_at") public OffsetDateTime endedAt;
    public long version;
}
