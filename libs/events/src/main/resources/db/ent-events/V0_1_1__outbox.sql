-- libs/events: the transactional outbox and the idempotent consumers' log.
-- Services list db/ent-events in quarkus.flyway.locations; V0_1_n sorts before their own V1.

-- Events recorded in the same transaction as the state change; the relay sends them to Kafka
-- in seq order and marks them published once Kafka acknowledged them.
create table ent_outbox (
    seq          bigint generated always as identity primary key,
    id           uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    type         text        not null,
    source       text        not null,
    subject      text,
    school_id    uuid,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

-- The relay reads only what is left to send; published rows are purged after a retention.
create index ent_outbox_unpublished on ent_outbox (seq) where published_at is null;
create index ent_outbox_published on ent_outbox (published_at) where published_at is not null;

-- One row per event a consumer has handled, written in the transaction of its handling.
create table ent_processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index ent_processed_event_processed_at on ent_processed_event (processed_at);
