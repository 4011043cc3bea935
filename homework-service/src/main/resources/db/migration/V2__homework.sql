-- The cahier de textes (lesson log), work to do, done flags, hand-ins, visas and the schools'
-- workload thresholds. Files are libs/files' (ent_file): rows here keep only their ids.

CREATE TABLE log_entry (
    id             uuid PRIMARY KEY,
    school_id      uuid NOT NULL,
    class_group_id uuid NOT NULL,
    subject        text NOT NULL,
    teacher_id     uuid NOT NULL,
    lesson_on      date NOT NULL,
    title          text NOT NULL,
    content        text NOT NULL,
    published      boolean NOT NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX log_entry_class_day ON log_entry (class_group_id, lesson_on);

CREATE TABLE work (
    id                   uuid PRIMARY KEY,
    school_id            uuid NOT NULL,
    class_group_id       uuid NOT NULL,
    subject              text NOT NULL,
    teacher_id           uuid NOT NULL,
    log_entry_id         uuid REFERENCES log_entry (id) ON DELETE SET NULL,
    set_on               date NOT NULL,
    due_on               date NOT NULL,
    due_at               timestamptz NOT NULL,
    kind                 text NOT NULL,
    title                text NOT NULL,
    instructions         text NOT NULL,
    estimated_minutes    integer NOT NULL,
    visible_from         timestamptz NOT NULL,
    set_at               timestamptz NOT NULL,
    outside_school_hours boolean NOT NULL,
    hand_ins_closed_at   timestamptz,
    reminder_sent_at     timestamptz
);
CREATE INDEX work_class_due ON work (class_group_id, due_on);
CREATE INDEX work_due_reminder ON work (due_on) WHERE reminder_sent_at IS NULL;

-- Work set for chosen pupils only: none means the whole class or group.
CREATE TABLE work_pupil (
    work_id  uuid NOT NULL REFERENCES work (id) ON DELETE CASCADE,
    pupil_id uuid NOT NULL,
    PRIMARY KEY (work_id, pupil_id)
);

CREATE TABLE work_done (
    work_id  uuid NOT NULL REFERENCES work (id) ON DELETE CASCADE,
    pupil_id uuid NOT NULL,
    done_at  timestamptz NOT NULL,
    PRIMARY KEY (work_id, pupil_id)
);

-- Files attached to a lesson log entry or a work (owner_id), in order.
CREATE TABLE attachment (
    file_id  uuid PRIMARY KEY,
    owner_id uuid NOT NULL,
    position integer NOT NULL
);
CREATE INDEX attachment_owner ON attachment (owner_id);

CREATE TABLE hand_in (
    id               uuid PRIMARY KEY,
    work_id          uuid NOT NULL REFERENCES work (id),
    pupil_id         uuid NOT NULL,
    school_id        uuid NOT NULL,
    handed_in_at     timestamptz NOT NULL,
    late             boolean NOT NULL,
    feedback_file_id uuid,
    feedback_comment text,
    feedback_at      timestamptz,
    feedback_by      uuid,
    UNIQUE (work_id, pupil_id)
);

CREATE TABLE hand_in_file (
    file_id    uuid PRIMARY KEY,
    hand_in_id uuid NOT NULL REFERENCES hand_in (id) ON DELETE CASCADE,
    position   integer NOT NULL
);
CREATE INDEX hand_in_file_hand_in ON hand_in_file (hand_in_id);

CREATE TABLE visa (
    id             uuid PRIMARY KEY,
    school_id      uuid NOT NULL,
    class_group_id uuid NOT NULL,
    teacher_id     uuid NOT NULL,
    stamped_on     date NOT NULL,
    comment        text NOT NULL,
    stamped_by     uuid NOT NULL,
    stamped_at     timestamptz NOT NULL
);
CREATE INDEX visa_class ON visa (class_group_id, stamped_on);

CREATE TABLE workload_settings (
    school_id            uuid PRIMARY KEY,
    max_works_per_day    integer NOT NULL,
    max_minutes_per_day  integer NOT NULL,
    max_tests_per_day    integer NOT NULL,
    school_day_starts_at time NOT NULL,
    school_day_ends_at   time NOT NULL
);
