-- The audit trail (libs/audit): who read or changed which pupil's data, when, from which request.
-- Ids and action codes only, never the data itself. Rows are only ever inserted.
create table ent_audit_entry (
    id              uuid primary key,
    school_id       uuid,                     -- whose trail it is in (null: the pupil has no school)
    pupil_id        uuid,                     -- null for an action about no single pupil
    actor_person_id uuid,                     -- the person of the token
    actor_client    varchar(200),             -- a service account's client id (no person)
    actor_roles     text[] not null default '{}',
    action          varchar(100) not null,    -- stable code, e.g. attendance.record.read
    target_id       uuid,                     -- the thing read or changed (absence, justification...)
    request_id      varchar(128),             -- X-Request-Id set by the gateway
    occurred_at     timestamptz not null
);

-- A head's trail of the school by period, and a pupil's trail by period.
create index ent_audit_entry_school_time on ent_audit_entry (school_id, occurred_at);
create index ent_audit_entry_pupil_time on ent_audit_entry (pupil_id, occurred_at);
