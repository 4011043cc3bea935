-- Lessons (séances) as planned: weekly (every week, week A, week B) over a date range, or once.
-- Their occurrences are computed from the school's calendar, never stored; an occurrence that
-- changes (cancelled, moved, another room, a substitute teacher) gets one occurrence_change row,
-- keyed by its lesson and planned date: the occurrence's stable id is "<lesson id>_<planned date>".

create table lesson (
    id          uuid primary key,
    school_id   uuid not null,
    year        varchar(9) not null,
    subject     varchar(100) not null,
    slot        varchar(10) not null,
    day_of_week varchar(9) not null,
    recurrence  varchar(6) not null check (recurrence in ('WEEKLY', 'WEEK_A', 'WEEK_B', 'ONCE')),
    starts_on   date not null,
    ends_on     date not null,
    room_id     uuid references room (id),
    exceptional boolean not null default false,
    created_by  uuid not null,
    created_at  timestamptz not null,
    check (starts_on <= ends_on),
    foreign key (school_id, year) references school_year (school_id, year)
);
create index lesson_school on lesson (school_id, starts_on, ends_on);
create index lesson_room on lesson (room_id);

create table lesson_teacher (
    lesson_id  uuid not null references lesson (id) on delete cascade,
    teacher_id uuid not null,
    primary key (lesson_id, teacher_id)
);
create index lesson_teacher_teacher on lesson_teacher (teacher_id);

create table lesson_class (
    lesson_id uuid not null references lesson (id) on delete cascade,
    class_id  uuid not null,
    primary key (lesson_id, class_id)
);
create index lesson_class_class on lesson_class (class_id);

create table lesson_group (
    lesson_id uuid not null references lesson (id) on delete cascade,
    group_id  uuid not null,
    primary key (lesson_id, group_id)
);
create index lesson_group_group on lesson_group (group_id);

create table occurrence_change (
    id            uuid primary key,
    lesson_id     uuid not null references lesson (id) on delete cascade,
    planned_date  date not null,
    cancelled     boolean not null default false,
    moved_to      date,
    moved_slot    varchar(10),
    room_id       uuid references room (id),
    substitute_id uuid,
    changed_by    uuid not null,
    changed_at    timestamptz not null,
    unique (lesson_id, planned_date)
);
create index occurrence_change_moved_to on occurrence_change (moved_to) where moved_to is not null;
create index occurrence_change_room on occurrence_change (room_id) where room_id is not null;
create index occurrence_change_substitute on occurrence_change (substitute_id) where substitute_id is not null;
