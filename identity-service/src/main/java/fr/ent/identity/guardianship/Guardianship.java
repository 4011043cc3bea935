package fr.ent.identity.guardianship;

import fr.ent.events.contract.identity.GuardianshipEnded;
import fr.ent.events.contract.identity.GuardianshipUpserted;
import fr.ent.events.contract.identity.IdentityEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

@Entity
@Table(name = "guardianship")
public class Guardianship {
    @Id public UUID id;
    @Column(name = "guardian_id") public UUID guardianId;
    @Column(name = "pupil_id") public UUID pupilId;
    @Column(name = "legal_responsibility") public boolean legalResponsibility;
    @Column(name = "receives_communications") public boolean receivesCommunications;
    @Column(name = "ended_at") public OffsetDateTime endedAt;
    public long version;

    /** Ended: ended; otherwise its current state. */
    public IdentityEvent event() {
        return endedAt != null ? new GuardianshipEnded(id, guardianId, pupilId, version)
                : new GuardianshipUpserted(id, guardianId, pupilId, receivesCommunications, legalResponsibility, version);
    }
}
