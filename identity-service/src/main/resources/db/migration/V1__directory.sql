-- The school directory. Ids are UUIDs made by the service (so inserts batch well);
-- "version" is the per-aggregate counter carried by the identity events (strictly increasing).

create table school (
    id          uuid primary key,
    uai         varchar(8)   not null unique,
    name        varchar(200) not null,
    type        varchar(40)  not null,
    academy     varchar(60),
    time_zone   varchar(60)  not null,
    version     bigint       not null,
    created_at  timestamptz  not null default now(),
    updated_at  timestamptz  not null default now()
);

create table school_year (
    id         uuid primary key,
    school_id  uuid       not null references school (id),
    label      varchar(9) not null,
    starts_on  date       not null,
    ends_on    date       not null,
    unique (school_id, label)
);

-- Classes (divisions) and groups of a school for one school year.
create table class_group (
    id          uuid primary key,
    school_id   uuid         not null references school (id),
    kind        varchar(10)  not null,
    code        varchar(40)  not null,
    name        varchar(100) not null,
    level       varchar(20),
    school_year varchar(9)   not null,
    version     bigint       not null,
    unique (school_id, school_year, code)
);

create table subject (
    id         uuid primary key,
    school_id  uuid         not null references school (id),
    code       varchar(40)  not null,
    name       varchar(100) not null,
    unique (school_id, code)
);

create table person (
    id               uuid primary key,
    role             varchar(10)  not null,
    first_name       varchar(100) not null,
    last_name        varchar(100) not null,
    email            varchar(254),
    birth_date       date,
    username         varchar(120) not null unique,
    active           boolean      not null,
    keycloak_user_id varchar(64),
    version          bigint       not null,
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now()
);

create table person_school (
    person_id uuid not null references person (id),
    school_id uuid not null references school (id),
    primary key (person_id, school_id)
);
create index person_school_by_school on person_school (school_id);

-- The id a school's own system gives a person: what a re-import matches on.
create table person_external_id (
    id          uuid primary key,
    school_id   uuid        not null references school (id),
    role        varchar(10) not null,
    external_id varchar(64) not null,
    person_id   uuid        not null references person (id),
    unique (school_id, role, external_id)
);

-- A pupil in a class (and its groups) from starts_on to ends_on, both inclusive; ends_on null = open.
create table enrolment (
    id         uuid primary key,
    pupil_id   uuid   not null references person (id),
    school_id  uuid   not null references school (id),
    class_id   uuid   not null references class_group (id),
    starts_on  date   not null,
    ends_on    date,
    withdrawn  boolean not null default false,
    version    bigint not null
);
create index enrolment_by_pupil on enrolment (pupil_id);
create index enrolment_by_class on enrolment (class_id);

create table enrolment_group (
    enrolment_id uuid not null references enrolment (id),
    group_id     uuid not null references class_group (id),
    primary key (enrolment_id, group_id)
);
create index enrolment_group_by_group on enrolment_group (group_id);

create table guardianship (
    id                      uuid primary key,
    guardian_id             uuid    not null references person (id),
    pupil_id                uuid    not null references person (id),
    legal_responsibility    boolean not null,
    receives_communications boolean not null,
    ended_at                timestamptz,
    version                 bigint  not null
);
create unique index guardianship_current on guardianship (guardian_id, pupil_id) where ended_at is null;
create index guardianship_by_pupil on guardianship (pupil_id);

create table teaching_assignment (
    id             uuid primary key,
    teacher_id     uuid   not null references person (id),
    school_id      uuid   not null references school (id),
    class_group_id uuid   not null references class_group (id),
    subject_id     uuid   not null references subject (id),
    ended_at       timestamptz,
    version        bigint not null
);
create unique index teaching_assignment_current
    on teaching_assignment (teacher_id, class_group_id, subject_id) where ended_at is null;
create index teaching_assignment_by_class on teaching_assignment (class_group_id);

-- Keycloak provisioning, written in the same transaction as the person: a worker makes the
-- Keycloak user match the person (create, update, disable) and retries until it succeeds.
create sequence provisioning_task_seq increment by 50;
create table provisioning_task (
    id               bigint primary key,
    person_id        uuid        not null references person (id),
    initial_password varchar(200),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null default now(),
    last_error       text,
    done_at          timestamptz,
    created_at       timestamptz not null default now()
);
create index provisioning_task_due on provisioning_task (next_attempt_at) where done_at is null;

create table import_job (
    id           uuid primary key,
    school_id    uuid        not null references school (id),
    dry_run      boolean     not null,
    status       varchar(20) not null,
    phase        varchar(40),
    processed    int         not null default 0,
    total        int         not null default 0,
    report       text,
    errors       text,
    requested_by uuid,
    created_at   timestamptz not null default now(),
    finished_at  timestamptz
);
