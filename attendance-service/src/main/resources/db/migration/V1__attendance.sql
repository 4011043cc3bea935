-- Attendance: reasons, registers (roll calls) and marks, absences/lateness/early departures,
-- justifications, half-day counting and threshold alerts.

-- Reasons belong to a school. A confidential reason is never shown to families nor sent in an event.
create table reason (
    id           uuid primary key,
    school_id    uuid        not null,
    code         varchar(40) not null,
    label        varchar(200) not null,
    justifying   boolean     not null,
    confidential boolean     not null,
    active       boolean     not null default true,
    unique (school_id, code)
);

-- One register per lesson: a class or group, a date, a start time.
create table register (
    id                  uuid primary key,
    school_id           uuid         not null,
    group_id            uuid         not null,
    subject             varchar(120) not null,
    lesson_date         date         not null,
    starts_at           time         not null,
    ends_at             time         not null,
    timetable_lesson_id uuid,
    opened_by           uuid         not null,
    opened_at           timestamptz  not null,
    status              varchar(12)  not null, -- OPEN, SUBMITTED, VALIDATED
    submitted_by        uuid,
    submitted_at        timestamptz,
    validated_by        uuid,
    validated_at        timestamptz,
    unique (group_id, lesson_date, starts_at),
    check (ends_at > starts_at)
);
create index register_school_day on register (school_id, lesson_date);

-- The current mark of each pupil in a register; earlier values go to mark_history.
create table mark (
    register_id  uuid        not null references register (id),
    pupil_id     uuid        not null,
    status       varchar(12) not null, -- PRESENT, ABSENT, LATE, LEFT_EARLY
    late_minutes integer,
    left_at      time,
    entry_id     uuid,                 -- the absence/lateness/early departure this mark produced or joined
    marked_by    uuid        not null,
    marked_at    timestamptz not null,
    primary key (register_id, pupil_id)
);

create table mark_history (
    id           bigserial primary key,
    register_id  uuid        not null,
    pupil_id     uuid        not null,
    status       varchar(12) not null,
    late_minutes integer,
    left_at      time,
    marked_by    uuid        not null,
    marked_at    timestamptz not null,
    replaced_by  uuid        not null,
    replaced_at  timestamptz not null
);
create index mark_history_pupil on mark_history (register_id, pupil_id);

-- A client retrying a submission sends the same Idempotency-Key: it gets the first answer back.
create table idempotent_request (
    person_id    uuid         not null,
    key          varchar(200) not null,
    request_hash varchar(64)  not null,
    response     text,
    created_at   timestamptz  not null,
    primary key (person_id, key)
);

-- What happened on a pupil's record: an absence (a lesson, a half-day, several days), a lateness
-- or an early departure.
create table attendance_entry (
    id            uuid primary key,
    school_id     uuid        not null,
    pupil_id      uuid        not null,
    kind          varchar(16) not null, -- ABSENCE, LATENESS, EARLY_DEPARTURE
    starts_at     timestamptz not null,
    ends_at       timestamptz not null,
    late_minutes  integer,
    reason_id     uuid references reason (id),
    status        varchar(12) not null, -- UNJUSTIFIED, JUSTIFIED, CANCELLED
    origin        varchar(12) not null, -- REGISTER, STAFF, COLLECTIVE
    register_id   uuid references register (id),
    collective_id uuid,
    comment       varchar(500),          -- staff only; never in an event
    recorded_by   uuid        not null,
    recorded_at   timestamptz not null,
    check (ends_at > starts_at)
);
create index attendance_entry_pupil on attendance_entry (pupil_id, starts_at);
create index attendance_entry_school on attendance_entry (school_id, starts_at);

-- The half-days an absence touches, for the monthly count of unjustified half-days.
create table absence_half_day (
    entry_id uuid    not null references attendance_entry (id),
    pupil_id uuid    not null,
    day      date    not null,
    morning  boolean not null,
    primary key (entry_id, day, morning)
);
create index absence_half_day_pupil on absence_half_day (pupil_id, day);

create table justification (
    id              uuid primary key,
    entry_id        uuid         not null references attendance_entry (id),
    pupil_id        uuid         not null,
    school_id       uuid         not null,
    submitted_by    uuid         not null,
    submitted_at    timestamptz  not null,
    reason_id       uuid         not null references reason (id),
    comment         varchar(500),
    attachment      bytea,
    attachment_type varchar(40),
    attachment_name varchar(200),
    status          varchar(10)  not null, -- PENDING, ACCEPTED, REFUSED
    decided_by      uuid,
    decided_at      timestamptz
);
create index justification_entry on justification (entry_id);
create index justification_school on justification (school_id, status);

-- The legal alert, raised once per pupil and month.
create table threshold_alert (
    pupil_id   uuid        not null,
    month      date        not null,
    school_id  uuid        not null,
    half_days  integer     not null,
    raised_at  timestamptz not null,
    primary key (pupil_id, month)
);
