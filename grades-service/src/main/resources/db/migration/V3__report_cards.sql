-- Report cards (bulletins): the absences learnt from attendance's events, the appreciations, the
-- generation jobs, the PDF documents (bytes here until the shared S3 files library is ready) and
-- each class's publication for a period.

-- attendance-service's absences, as its events tell them (AbsenceRecorded/Justified/Cancelled).
CREATE TABLE absence_projection (
    absence_id  uuid PRIMARY KEY,
    pupil_id    uuid NOT NULL,
    school_id   uuid NOT NULL,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    justified   boolean NOT NULL DEFAULT false,
    cancelled   boolean NOT NULL DEFAULT false
);
CREATE INDEX absence_projection_pupil ON absence_projection (pupil_id, starts_at);

-- A teacher's appreciation of a pupil in their subject for a period.
CREATE TABLE subject_appreciation (
    period_id   uuid NOT NULL,
    pupil_id    uuid NOT NULL,
    subject     text NOT NULL,
    school_id   uuid NOT NULL,
    text        text NOT NULL,
    written_by  uuid NOT NULL,
    written_at  timestamptz NOT NULL,
    PRIMARY KEY (period_id, pupil_id, subject)
);

-- The class council's general appreciation of a pupil for a period (staff).
CREATE TABLE council_appreciation (
    period_id   uuid NOT NULL,
    pupil_id    uuid NOT NULL,
    school_id   uuid NOT NULL,
    text        text NOT NULL,
    written_by  uuid NOT NULL,
    written_at  timestamptz NOT NULL,
    PRIMARY KEY (period_id, pupil_id)
);

-- A generation of a class's report cards for a period, run in the background.
CREATE TABLE report_card_job (
    id              uuid PRIMARY KEY,
    school_id       uuid NOT NULL,
    period_id       uuid NOT NULL,
    class_group_id  uuid NOT NULL,
    state           text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total           integer NOT NULL DEFAULT 0,
    processed       integer NOT NULL DEFAULT 0,
    error           text,
    created_by      uuid NOT NULL,
    created_at      timestamptz NOT NULL,
    finished_at     timestamptz
);
CREATE INDEX report_card_job_class ON report_card_job (period_id, class_group_id, created_at);

-- One PDF per pupil and recipient: the pupil's own copy (recipient = the pupil) and one per guardian.
-- The last generation replaces the previous one (before publication only).
CREATE TABLE report_card_document (
    period_id       uuid NOT NULL,
    pupil_id        uuid NOT NULL,
    recipient_id    uuid NOT NULL,
    school_id       uuid NOT NULL,
    class_group_id  uuid NOT NULL,
    job_id          uuid NOT NULL,
    school_year     text NOT NULL,
    pdf             bytea NOT NULL,
    created_at      timestamptz NOT NULL,
    keep_until      date NOT NULL,
    PRIMARY KEY (period_id, pupil_id, recipient_id)
);
CREATE INDEX report_card_document_class ON report_card_document (period_id, class_group_id);
CREATE INDEX report_card_document_keep ON report_card_document (keep_until);

-- A class's report cards published for a period: from then on families download them, and they no
-- longer change.
CREATE TABLE report_card_publication (
    period_id       uuid NOT NULL,
    class_group_id  uuid NOT NULL,
    school_id       uuid NOT NULL,
    published_at    timestamptz NOT NULL,
    published_by    uuid NOT NULL,
    PRIMARY KEY (period_id, class_group_id)
);
