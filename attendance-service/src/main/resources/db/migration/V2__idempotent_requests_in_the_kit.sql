-- Idempotency keys now live in libs/events' table (IdempotentRequests, shared by every service).
insert into ent_idempotent_request (actor_id, key, request_hash, response, created_at)
select person_id, key, request_hash, response, created_at from idempotent_request
on conflict do nothing;
drop table idempotent_request;
