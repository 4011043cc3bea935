-- Imported timetables (CSV, iCalendar). Each imported lesson carries its import key: a hash of its
-- normalised line (slot, day, week, subject, teachers, classes/groups, room, explicit dates), so that
-- re-importing the same file changes nothing and a line no longer in the file ends its lesson.
alter table lesson add column import_key varchar(64);
create index lesson_import_key on lesson (school_id, import_key) where import_key is not null;

-- One apply of an import, run as a job: its state, its progress and its report (JSON).
create table timetable_import (
    id          uuid primary key,
    school_id   uuid not null,
    format      varchar(9) not null check (format in ('CSV', 'ICALENDAR')),
    state       varchar(8) not null check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    total       integer not null,
    processed   integer not null default 0,
    report      text,
    created_by  uuid not null,
    created_at  timestamptz not null,
    finished_at timestamptz
);
create index timetable_import_school on timetable_import (school_id, created_at);
