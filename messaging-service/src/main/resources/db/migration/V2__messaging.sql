-- Who may write to whom: a school's adjustments of the default rule table (RuleTable); a missing
-- row means the default.
CREATE TABLE writing_rule (
    school_id          uuid NOT NULL,
    sender_profile     varchar(16) NOT NULL,
    recipient_profile  varchar(16) NOT NULL,
    reach              varchar(8) NOT NULL,
    changed_by         uuid NOT NULL,
    changed_at         timestamptz NOT NULL,
    PRIMARY KEY (school_id, sender_profile, recipient_profile)
);

-- The platform's switches for one school (messaging off, mass sending off: March 2024).
CREATE TABLE school_switch (
    school_id         uuid PRIMARY KEY,
    messaging_off     boolean NOT NULL DEFAULT false,
    mass_sending_off  boolean NOT NULL DEFAULT false,
    changed_by        uuid NOT NULL,
    changed_at        timestamptz NOT NULL
);

-- A message: a draft until sent_at is set. recipients_spec keeps the recipients as written
-- (people and groups, to/cc/bcc) so that a draft reopens as it was left.
CREATE TABLE message (
    id               uuid PRIMARY KEY,
    conversation_id  uuid NOT NULL,
    school_id        uuid NOT NULL,
    sender_id        uuid NOT NULL,
    in_reply_to      uuid REFERENCES message (id),
    subject          text NOT NULL,
    body             text NOT NULL,
    recipients_spec  jsonb NOT NULL DEFAULT '[]',
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    recalled_at      timestamptz,
    hidden_at        timestamptz,
    search           tsvector GENERATED ALWAYS AS (to_tsvector('french'::regconfig, subject || ' ' || body)) STORED
);
CREATE INDEX message_conversation ON message (conversation_id, sent_at);
CREATE INDEX message_search ON message USING gin (search);

-- Everyone a sent message went to, with how (TO, CC, BCC): bcc rows are shown to the sender and
-- to that recipient only.
CREATE TABLE recipient (
    message_id  uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    person_id   uuid NOT NULL,
    kind        varchar(3) NOT NULL,
    PRIMARY KEY (message_id, person_id)
);

-- A person's personal folders.
CREATE TABLE folder (
    id          uuid PRIMARY KEY,
    person_id   uuid NOT NULL,
    name        text NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (person_id, name)
);

-- One row per person and message they hold: the sender's SENT or DRAFT copy, each recipient's
-- INBOX copy with its read state. Trash and personal folders are per person.
CREATE TABLE mailbox (
    person_id        uuid NOT NULL,
    message_id       uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    box              varchar(8) NOT NULL,
    conversation_id  uuid NOT NULL,
    school_id        uuid NOT NULL,
    read_at          timestamptz,
    trashed_at       timestamptz,
    folder_id        uuid REFERENCES folder (id) ON DELETE SET NULL,
    PRIMARY KEY (person_id, message_id, box)
);
CREATE INDEX mailbox_person_box ON mailbox (person_id, box, trashed_at);
CREATE INDEX mailbox_unread ON mailbox (person_id) WHERE box = 'INBOX' AND read_at IS NULL AND trashed_at IS NULL;
CREATE INDEX mailbox_message ON mailbox (message_id);
CREATE INDEX mailbox_conversation ON mailbox (person_id, conversation_id);
