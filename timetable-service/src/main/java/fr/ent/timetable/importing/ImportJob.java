package fr.ent.timetable.importing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One apply of an import, run as a job: QUEUED, RUNNING, then DONE or FAILED, with its progress and report. */
@Entity
@Table(name = "timetable_import")
public class ImportJob {

    public enum State { QUEUED, RUNNING, DONE, FAILED }

    @Id
    public UUID id;

    @Column(name = "school_id")
    public UUID schoolId;

    public String format;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public State state;

    public int total;

    public int processed;

    /** The report as JSON, once known. */
    public String report;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
}
