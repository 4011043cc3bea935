-- A broadcast (staff only): an information to families, each of whom acknowledges it. Its message
-- is a row of message (same id) held in each guardian's inbox as bcc (families do not see each other).
CREATE TABLE broadcast (
    id          uuid PRIMARY KEY REFERENCES message (id),
    school_id   uuid NOT NULL,
    sender_id   uuid NOT NULL,
    audience    jsonb NOT NULL,
    sent_at     timestamptz NOT NULL
);
CREATE INDEX broadcast_school ON broadcast (school_id, sent_at);

-- One row per guardian the broadcast went to: their acknowledgement and the last reminder.
CREATE TABLE broadcast_family (
    broadcast_id     uuid NOT NULL REFERENCES broadcast (id),
    guardian_id      uuid NOT NULL,
    acknowledged_at  timestamptz,
    reminded_at      timestamptz,
    PRIMARY KEY (broadcast_id, guardian_id)
);

-- A message a pupil or guardian reported to the school's staff, and what staff did.
CREATE TABLE report (
    id            uuid PRIMARY KEY,
    message_id    uuid NOT NULL REFERENCES message (id),
    school_id     uuid NOT NULL,
    reporter_id   uuid NOT NULL,
    reason        varchar(16) NOT NULL,
    reported_at   timestamptz NOT NULL,
    status        varchar(10) NOT NULL DEFAULT 'OPEN',
    handled_by    uuid,
    handled_at    timestamptz,
    UNIQUE (message_id, reporter_id)
);
CREATE INDEX report_school ON report (school_id, status, reported_at);

-- A sender blocked by a school's staff until a time: they send nothing in that school meanwhile.
CREATE TABLE sender_block (
    school_id   uuid NOT NULL,
    person_id   uuid NOT NULL,
    until       timestamptz NOT NULL,
    blocked_by  uuid NOT NULL,
    blocked_at  timestamptz NOT NULL,
    PRIMARY KEY (school_id, person_id)
);

-- A person's absence: who writes to them meanwhile gets their auto-reply in the answer.
CREATE TABLE away (
    person_id   uuid PRIMARY KEY,
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    reply       text NOT NULL
);

-- A message's attachments: files of libs/files (ent_file), confirmed when the message was sent.
CREATE TABLE attachment (
    message_id    uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    file_id       uuid NOT NULL,
    file_name     text NOT NULL,
    content_type  text NOT NULL,
    size          bigint NOT NULL,
    PRIMARY KEY (message_id, file_id)
);
