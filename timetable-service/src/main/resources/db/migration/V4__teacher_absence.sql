-- A teacher's own absence, declared by the teacher (or recorded by staff), confirmed by the staff
-- of each school: one row per school, so each school confirms for its own lessons. No reason, ever:
-- there is no column for one. The period is in school time (Europe/Paris), without an offset, as
-- the timetable's slots are. A declaration withdrawn before confirmation is deleted.

create table teacher_absence (
    id           uuid primary key,
    school_id    uuid not null,
    teacher_id   uuid not null,
    starts_at    timestamp not null,
    ends_at      timestamp not null,
    declared_by  uuid not null,
    declared_at  timestamptz not null,
    confirmed_by uuid,
    confirmed_at timestamptz,
    check (starts_at < ends_at),
    check ((confirmed_by is null) = (confirmed_at is null))
);
create index teacher_absence_school on teacher_absence (school_id, starts_at);
create index teacher_absence_teacher on teacher_absence (teacher_id, starts_at);
