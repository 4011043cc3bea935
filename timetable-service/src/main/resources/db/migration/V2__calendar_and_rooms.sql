-- The school calendar: what a school sets once (zone, day bounds), per school year (dates, week
-- A/B), its time slots, the holiday periods (a zone's, loaded once by the admin for every school of
-- the zone, and a school's own), and its rooms. National public holidays are computed, not stored.

create table school_calendar (
    school_id           uuid primary key,
    zone                varchar(1) not null check (zone in ('A', 'B', 'C')),
    day_starts_at       time not null,
    day_ends_at         time not null,
    afternoon_starts_at time not null,
    check (day_starts_at < afternoon_starts_at and afternoon_starts_at < day_ends_at)
);

create table school_year (
    school_id uuid not null references school_calendar (school_id),
    year      varchar(9) not null,          -- '2026-2027'
    starts_on date not null,
    ends_on   date not null,
    weeks_a   integer[] not null default '{}', -- ISO week numbers of week A (none: no alternation)
    weeks_b   integer[] not null default '{}',
    primary key (school_id, year),
    check (starts_on < ends_on)
);

create table time_slot (
    school_id uuid not null references school_calendar (school_id),
    code      varchar(10) not null,         -- 'M1', 'S3'
    starts_at time not null,
    ends_at   time not null,
    primary key (school_id, code),
    check (starts_at < ends_at)
);

-- A holiday period: a zone's (school_id null) or a school's own (zone null).
create table holiday_period (
    id        uuid primary key,
    zone      varchar(1) check (zone in ('A', 'B', 'C')),
    school_id uuid references school_calendar (school_id),
    year      varchar(9) not null,
    name      varchar(100) not null,
    starts_on date not null,
    ends_on   date not null,
    check ((zone is null) <> (school_id is null)),
    check (starts_on <= ends_on)
);
create index holiday_period_zone on holiday_period (zone, year) where zone is not null;
create index holiday_period_school on holiday_period (school_id, year) where school_id is not null;

create table room (
    id        uuid primary key,
    school_id uuid not null,
    name      varchar(100) not null,
    capacity  integer not null check (capacity > 0),
    unique (school_id, name)
);
