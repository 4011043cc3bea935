-- The home's read model (package home): what a family's or a pupil's home shows, projected from the
-- events this service consumes anyway, so that GET /api/notification/home answers in one call.
-- Every table is keyed so that a replayed event changes nothing; HomeRetention keeps them small.

-- Work set for a pupil (WorkSet), and whether the pupil ticked it done (a WorkDueReminder names those who did not).
create table home_work (
    work_id      uuid        not null,
    pupil_id     uuid        not null,
    school_id    uuid        not null,
    subject      text        not null,
    kind         text        not null,
    due_on       date        not null,
    visible_from timestamptz not null,
    done         boolean     not null default false,
    primary key (work_id, pupil_id)
);
create index home_work_pupil on home_work (pupil_id, due_on);

-- A pupil's result in an assessment was published or changed (MarksPublished, MarkChanged): never the mark itself.
create table home_mark (
    assessment_id        uuid        not null,
    pupil_id             uuid        not null,
    school_id            uuid        not null,
    subject              text        not null,
    held_on              date,
    changed              boolean     not null,
    occurred_at          timestamptz not null,
    pupils_visible_at    timestamptz not null,
    guardians_visible_at timestamptz not null,
    primary key (assessment_id, pupil_id)
);
create index home_mark_pupil on home_mark (pupil_id, occurred_at desc);

-- Absences and lateness recorded (AbsenceRecorded, LatenessRecorded); settled once justified
-- (accepted) or cancelled, kept as a tombstone so that a late replay does not bring them back.
create table home_absence (
    entry_id     uuid        primary key,
    pupil_id     uuid        not null,
    school_id    uuid        not null,
    kind         text        not null,            -- ABSENCE, LATENESS
    starts_at    timestamptz not null,
    ends_at      timestamptz,
    late_minutes integer,
    settled      boolean     not null default false
);
create index home_absence_pupil on home_absence (pupil_id, starts_at) where not settled;

-- Messages received and broadcasts to acknowledge, per recipient (MessageReceived, BroadcastToAcknowledge).
create table home_message (
    event_id     uuid        primary key,
    recipient_id uuid        not null,
    school_id    uuid        not null,
    kind         text        not null,            -- MESSAGE, BROADCAST
    item_id      uuid        not null,            -- the message or the broadcast
    sent_at      timestamptz not null
);
create index home_message_recipient on home_message (recipient_id, sent_at);
