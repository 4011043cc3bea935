-- Private iCalendar feeds: one per person, found by the SHA-256 of the token in its URL. The token
-- itself is never stored, so this table holds no usable URL. Rotating replaces the row.
create table feed_token (
    person_id  uuid primary key,
    token_hash bytea not null unique,
    created_at timestamptz not null
);

-- A video-class link (BigBlueButton, Jitsi: https only) on one occurrence of a lesson, keyed like
-- occurrence_change by its lesson and planned date. Not a change of the occurrence: no event, no state.
create table occurrence_link (
    lesson_id    uuid not null references lesson (id) on delete cascade,
    planned_date date not null,
    url          varchar(500) not null,
    set_by       uuid not null,
    set_at       timestamptz not null,
    primary key (lesson_id, planned_date)
);
