-- libs/lessons: the lessons of timetable-service, as its events on ent.timetable tell them
-- (LessonScheduled: a lesson's whole plan; LessonChanged: one occurrence changed). A projection:
-- nothing else writes it.
--
-- A repeatable migration of idempotent statements, not a versioned one: attendance-service created
-- these very tables in its own V3 before they moved to this library, and a versioned library
-- migration (V0_n, sorted first) would create them before that V3 on a new attendance database.
-- Flyway runs this after every versioned migration, again only when this file changes: a change
-- here must stay idempotent (`if not exists`, `add column if not exists`).

-- The version of the last plan applied per lesson: an older LessonScheduled changes nothing.
create table if not exists timetable_lesson (
    lesson_id uuid   primary key,
    school_id uuid   not null,
    version   bigint not null
);

-- One row per occurrence, as it now takes place (the plan with the changes applied).
create table if not exists lesson_occurrence (
    occurrence_id varchar(60)  primary key, -- <lesson id>_<planned date>
    lesson_id     uuid         not null,
    school_id     uuid         not null,
    planned_date  date         not null,
    lesson_date   date         not null,
    starts_at     time         not null,
    ends_at       time         not null,
    subject       varchar(120) not null,
    class_ids     uuid[]       not null,
    group_ids     uuid[]       not null,
    teacher_ids   uuid[]       not null,
    room_id       uuid,
    cancelled     boolean      not null default false,
    -- What a LessonChanged overrode: a later plan keeps these values.
    moved         boolean      not null default false,
    substituted   boolean      not null default false,
    room_changed  boolean      not null default false,
    added         boolean      not null default false,
    changed_at    timestamptz  -- ce_time of the last LessonChanged applied: an older one changes nothing
);
create index if not exists lesson_occurrence_lesson on lesson_occurrence (lesson_id);
create index if not exists lesson_occurrence_school_day on lesson_occurrence (school_id, lesson_date);
create index if not exists lesson_occurrence_teachers on lesson_occurrence using gin (teacher_ids);
create index if not exists lesson_occurrence_classes on lesson_occurrence using gin (class_ids);
create index if not exists lesson_occurrence_groups on lesson_occurrence using gin (group_ids);
