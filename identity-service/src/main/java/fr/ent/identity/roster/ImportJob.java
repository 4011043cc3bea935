package fr.ent.identity.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One roster import (or dry run), its progress and, once finished, its report. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    @Id public UUID id;
    @Column(name = "school_id") public UUID schoolId;
    @Column(name = "dry_run") public boolean dryRun;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING) public Status status;
    public String phase;
    public int processed;
    public int total;
    /** JSON: per kind, created / updated / unchanged. */
    public String report;
    /** JSON: [{file, line, field, message}] or the failure. */
    public String errors;
    @Column(name = "requested_by") public UUID requestedBy;
    @Column(name = "created_at") public OffsetDateTime createdAt;
    @Column(name = "finished_at") public OffsetDateTime finishedAt;
}
