-- The lessons of timetable-service, as its events on ent.timetable tell them (LessonScheduled:
-- a lesson's whole plan; LessonChanged: one occurrence changed). A projection: nothing else
-- writes it.

-- The version of the last plan applied per lesson: an older LessonScheduled changes nothing.
create table timetable_lesson (
    lesson_id uuid   primary key,
    school_id uuid   not null,
    version   bigint not null
);

-- One row per occurrence, as it now takes place (the plan with the changes applied).
create table lesson_occurrence (
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
create index lesson_occurrence_lesson on lesson_occurrence (lesson_id);
create index lesson_occurrence_school_day on lesson_occurrence (school_id, lesson_date);
create index lesson_occurrence_teachers on lesson_occurrence using gin (teacher_ids);

-- A register may be tied to its lesson occurrence.
alter table register add column occurrence_id varchar(60);
create index register_occurrence on register (occurrence_id) where occurrence_id is not null;
