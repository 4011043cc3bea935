-- The directory projection (libs/directory): a local copy of identity-service's directory, fed by
-- identity events. Every aggregate row keeps the highest event version applied, so an older or
-- replayed event never overwrites newer state; "ended" aggregates stay as tombstones (ended = true)
-- so that an older upsert arriving late cannot bring them back.

CREATE TABLE directory_school (
    id         uuid PRIMARY KEY,
    version    bigint NOT NULL,
    uai        varchar(8) NOT NULL,
    name       text NOT NULL,
    type       text,
    academy    text,
    time_zone  text NOT NULL
);

CREATE TABLE directory_person (
    id          uuid PRIMARY KEY,
    version     bigint NOT NULL,
    ended       boolean NOT NULL DEFAULT false,
    role        varchar(16),
    first_name  text,
    last_name   text,
    school_ids  uuid[] NOT NULL DEFAULT '{}',
    active      boolean NOT NULL DEFAULT false
);

-- Active people per school and role (staffOf): rebuilt from directory_person on each applied change.
CREATE TABLE directory_person_school (
    school_id  uuid NOT NULL,
    role       varchar(16) NOT NULL,
    person_id  uuid NOT NULL,
    PRIMARY KEY (school_id, role, person_id)
);
CREATE INDEX directory_person_school_person ON directory_person_school (person_id);

CREATE TABLE directory_class_group (
    id           uuid PRIMARY KEY,
    version      bigint NOT NULL,
    school_id    uuid NOT NULL,
    name         text NOT NULL,
    level        text,
    kind         varchar(8) NOT NULL,
    school_year  text
);

CREATE TABLE directory_enrolment (
    id          uuid PRIMARY KEY,
    version     bigint NOT NULL,
    ended       boolean NOT NULL DEFAULT false,
    pupil_id    uuid NOT NULL,
    school_id   uuid NOT NULL,
    class_id    uuid,
    group_ids   uuid[] NOT NULL DEFAULT '{}',
    start_date  date,
    end_date    date
);

-- One row per (enrolment, class or group): what pupilsOf / classOf / groupsOf read.
-- An open enrolment ends on 9999-12-31 so that "on a date" is a plain range test.
CREATE TABLE directory_membership (
    class_group_id  uuid NOT NULL,
    enrolment_id    uuid NOT NULL,
    pupil_id        uuid NOT NULL,
    school_id       uuid NOT NULL,
    kind            varchar(8) NOT NULL,
    start_date      date NOT NULL,
    end_date        date NOT NULL,
    PRIMARY KEY (class_group_id, enrolment_id)
);
CREATE INDEX directory_membership_class_on ON directory_membership (class_group_id, start_date) INCLUDE (end_date, pupil_id);
CREATE INDEX directory_membership_pupil ON directory_membership (pupil_id, kind) INCLUDE (start_date, end_date, class_group_id);
CREATE INDEX directory_membership_school ON directory_membership (school_id, kind) INCLUDE (start_date, end_date, pupil_id);
CREATE INDEX directory_membership_enrolment ON directory_membership (enrolment_id);

CREATE TABLE directory_guardianship (
    id                        uuid PRIMARY KEY,
    version                   bigint NOT NULL,
    ended                     boolean NOT NULL DEFAULT false,
    guardian_id               uuid NOT NULL,
    pupil_id                  uuid NOT NULL,
    receives_communications   boolean NOT NULL DEFAULT false,
    legal_responsibility      boolean NOT NULL DEFAULT false
);
CREATE INDEX directory_guardianship_pupil ON directory_guardianship (pupil_id)
    INCLUDE (guardian_id, receives_communications) WHERE NOT ended;
CREATE INDEX directory_guardianship_guardian ON directory_guardianship (guardian_id)
    INCLUDE (pupil_id) WHERE NOT ended;

CREATE TABLE directory_teaching (
    id              uuid PRIMARY KEY,
    version         bigint NOT NULL,
    ended           boolean NOT NULL DEFAULT false,
    teacher_id      uuid NOT NULL,
    school_id       uuid NOT NULL,
    class_group_id  uuid NOT NULL,
    subject         text
);
CREATE INDEX directory_teaching_teacher ON directory_teaching (teacher_id, class_group_id) WHERE NOT ended;
CREATE INDEX directory_teaching_class ON directory_teaching (class_group_id) INCLUDE (teacher_id) WHERE NOT ended;
