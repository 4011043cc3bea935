-- notification-service: in-app inboxes, deliveries by e-mail, preferences, quiet hours, contacts.

-- One row per (event, recipient): the in-app inbox. seq is the live stream's event id; it is
-- allocated under a transaction-scoped advisory lock (InboxWriter), so seq order is commit order:
-- a reader that has seen seq N has seen every committed row below N (stream catch-up, polling).
create table notification (
    seq              bigint generated always as identity primary key,
    id               uuid        not null unique,
    event_id         uuid        not null,
    recipient_id     uuid        not null,
    type             text        not null,
    school_id        uuid,
    child_id         uuid,
    child_first_name text,
    title            text        not null,
    body             text        not null,
    link             text,
    occurred_at      timestamptz not null,
    created_at       timestamptz not null default clock_timestamp(),
    read_at          timestamptz,
    constraint notification_once unique (event_id, recipient_id)
);
create index notification_inbox on notification (recipient_id, seq desc);
create index notification_inbox_child on notification (recipient_id, child_id, seq desc);
create index notification_unread on notification (recipient_id, child_id) where read_at is null;

-- One row per (event, recipient, channel) outside the inbox: exactly once per family, whatever
-- Kafka redelivers or however many instances run. The sender works through it like an outbox.
create table delivery (
    id               bigint generated always as identity primary key,
    event_id         uuid        not null,
    recipient_id     uuid        not null,
    channel          text        not null,
    type             text        not null,
    school_id        uuid,
    child_id         uuid,
    child_first_name text,
    title            text        not null,
    body             text        not null,
    link             text,
    occurred_at      timestamptz not null,
    status           text        not null,      -- PENDING, DIGEST, SENT, FAILED, SKIPPED
    due_at           timestamptz not null,      -- not before (quiet hours, digest time, retry backoff)
    attempts         integer     not null default 0,
    last_error       text,
    created_at       timestamptz not null default clock_timestamp(),
    sent_at          timestamptz,
    constraint delivery_once unique (event_id, recipient_id, channel)
);
create index delivery_due on delivery (channel, due_at) where status in ('PENDING', 'DIGEST');

-- Notices held back on purpose (a mark reaches guardians some time after the pupil).
create table scheduled_notice (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null,
    recipient_id uuid        not null,
    due_at       timestamptz not null,
    notice       jsonb       not null,
    constraint scheduled_notice_once unique (event_id, recipient_id)
);
create index scheduled_notice_due on scheduled_notice (due_at);

-- A person's choice per notification type and channel; absent = the type's default.
create table preference (
    person_id uuid not null,
    type      text not null,
    channel   text not null,
    mode      text not null,                    -- OFF, IMMEDIATE, DIGEST
    primary key (person_id, type, channel)
);

-- Where e-mail goes, from the restricted topic ent.identity.contacts (nobody else has it).
create table contact (
    person_id uuid primary key,
    email     text,
    version   bigint not null
);

-- Quiet hours a school chose; absent = the national guidance (20:00-07:00, weekend).
create table school_quiet_hours (
    school_id     uuid primary key,
    evening_start time    not null,
    morning_end   time    not null,
    weekend       boolean not null
);
