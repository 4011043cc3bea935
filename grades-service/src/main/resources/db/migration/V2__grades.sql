-- Grades: a school's settings, periods, subject coefficients per class, assessments, marks and the
-- history of published marks that changed. Ids come from the directory projection (no foreign keys
-- to it: the projection may lag).

-- How a school enters and shows marks (absent row: the defaults below).
CREATE TABLE school_settings (
    school_id                           uuid PRIMARY KEY,
    mark_step                           numeric(4, 2) NOT NULL DEFAULT 0.25,
    rounding_step                       numeric(4, 2) NOT NULL DEFAULT 0.01,
    rounding_mode                       text NOT NULL DEFAULT 'NEAREST' CHECK (rounding_mode IN ('NEAREST', 'UP')),
    unjustified_absence_counts_as_zero  boolean NOT NULL DEFAULT false,
    pupil_delay_days                    integer NOT NULL DEFAULT 1 CHECK (pupil_delay_days BETWEEN 0 AND 30),
    guardian_delay_days                 integer NOT NULL DEFAULT 1 CHECK (guardian_delay_days BETWEEN 0 AND 30),
    updated_at                          timestamptz,
    updated_by                          uuid
);

-- Trimesters or semesters: of a class or group (class_group_id), or of the whole school (null).
CREATE TABLE period (
    id              uuid PRIMARY KEY,
    school_id       uuid NOT NULL,
    class_group_id  uuid,
    school_year     text NOT NULL,
    name            text NOT NULL,
    starts_on       date NOT NULL,
    ends_on         date NOT NULL,
    locks_on        date NOT NULL,
    locked_at       timestamptz,
    locked_by       uuid,
    CHECK (starts_on <= ends_on AND locks_on >= starts_on)
);
CREATE INDEX period_school ON period (school_id, class_group_id, starts_on);

-- Subject coefficients of a class for the general average (absent: 1).
CREATE TABLE subject_coefficient (
    class_group_id  uuid NOT NULL,
    subject         text NOT NULL,
    school_id       uuid NOT NULL,
    coefficient     numeric(5, 2) NOT NULL CHECK (coefficient >= 0),
    PRIMARY KEY (class_group_id, subject)
);

CREATE TABLE assessment (
    id                    uuid PRIMARY KEY,
    school_id             uuid NOT NULL,
    class_group_id        uuid NOT NULL,
    subject               text NOT NULL,
    teacher_id            uuid NOT NULL,
    period_id             uuid NOT NULL REFERENCES period (id),
    title                 text NOT NULL,
    held_on               date NOT NULL,
    coefficient           numeric(5, 2) NOT NULL CHECK (coefficient >= 0),
    scale                 integer NOT NULL CHECK (scale BETWEEN 1 AND 100),
    optional              boolean NOT NULL DEFAULT false,
    skill_items           text NOT NULL DEFAULT '',
    pupils_on             date,
    guardian_delay_days   integer CHECK (guardian_delay_days BETWEEN 0 AND 30),
    published_at          timestamptz,
    pupils_visible_at     timestamptz,
    guardians_visible_at  timestamptz,
    created_at            timestamptz NOT NULL,
    created_by            uuid
);
CREATE INDEX assessment_class ON assessment (class_group_id, held_on);

-- One pupil's result: a value on the assessment's scale or a marker (or neither: skills only).
CREATE TABLE mark (
    assessment_id  uuid NOT NULL REFERENCES assessment (id),
    pupil_id       uuid NOT NULL,
    value          numeric(6, 2) CHECK (value >= 0),
    marker         text CHECK (marker IN ('ABSENT', 'ABSENT_JUSTIFIED', 'EXEMPT', 'NOT_GRADED', 'NOT_HANDED_IN')),
    skills         jsonb NOT NULL DEFAULT '{}',
    entered_at     timestamptz NOT NULL,
    entered_by     uuid,
    PRIMARY KEY (assessment_id, pupil_id),
    CHECK (value IS NULL OR marker IS NULL)
);
CREATE INDEX mark_pupil ON mark (pupil_id) INCLUDE (assessment_id);

-- What a published mark was before each change (the current one is in mark).
CREATE TABLE mark_history (
    id             bigserial PRIMARY KEY,
    assessment_id  uuid NOT NULL REFERENCES assessment (id),
    pupil_id       uuid NOT NULL,
    value          numeric(6, 2),
    marker         text,
    skills         jsonb,
    entered_at     timestamptz,
    entered_by     uuid,
    replaced_at    timestamptz NOT NULL,
    replaced_by    uuid
);
CREATE INDEX mark_history_mark ON mark_history (assessment_id, pupil_id, id);
