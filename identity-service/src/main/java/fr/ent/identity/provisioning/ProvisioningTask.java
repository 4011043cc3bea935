package fr.ent.identity.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** "Make this person's Keycloak user match the directory", written with the change itself. */
@Entity
@Table(name = "provisioning_task")
public class ProvisioningTask {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "provisioning_task_seq")
    @SequenceGenerator(name = "provisioning_task_seq", sequenceName = "provisioning_task_seq", allocationSize = 50)
    public Long id;
    @Column(name = "person_id") public UUID personId;
    /** Only until the user is created; then wiped. */
    @Column(name = "initial_password") public String initialPassword;
    public int attempts;
    @Column(name = "next_attempt_at") public OffsetDateTime nextAttemptAt;
    @Column(name = "last_error") public String lastError;
    @Column(name = "done_at") public OffsetDateTime doneAt;
    @Column(name = "created_at") public OffsetDateTime createdAt;
}
