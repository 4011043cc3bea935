-- libs/events: a client's Idempotency-Key (IdempotentRequests). The first request with a key claims
-- it in the transaction of its work; a repeat reads the first answer back.
create table ent_idempotent_request (
    actor_id     uuid         not null,
    key          varchar(200) not null,
    request_hash varchar(64)  not null,
    response     text,
    created_at   timestamptz  not null default now(),
    primary key (actor_id, key)
);
create index ent_idempotent_request_created on ent_idempotent_request (created_at);
