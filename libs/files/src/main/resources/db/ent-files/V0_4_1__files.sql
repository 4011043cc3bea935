-- libs/files: the metadata of each file a service keeps in S3 (the bytes are in the service's bucket,
-- under <school id>/<file id>). A file is 'pending' from the pre-signed upload until the service
-- confirms it (size, type by content, SHA-256 checked); a pending file past expires_at is swept.
create table ent_file (
    id             uuid primary key,
    school_id      uuid        not null,
    owner_id       uuid,
    purpose        text        not null,
    object_key     text        not null unique,
    file_name      text        not null,
    declared_size  bigint      not null check (declared_size > 0),
    declared_type  text        not null,
    declared_sha256 text       not null,
    max_bytes      bigint      not null,
    allowed_types  text[]      not null,
    status         text        not null check (status in ('pending', 'confirmed')),
    size           bigint,
    content_type   text,
    sha256         text,
    created_at     timestamptz not null,
    expires_at     timestamptz,
    confirmed_at   timestamptz
);
create index ent_file_pending_expiry on ent_file (expires_at) where status = 'pending';
create index ent_file_school on ent_file (school_id);
