-- A justification's attachment is now a file of libs/files (bytes in S3, metadata in ent_file):
-- the justification names it and keeps what it shows (type read from the content, name, size).
-- The bytea column stays for attachments sent before (served as before until LegacyAttachments has
-- moved each to object storage and emptied it); new ones never fill it.
alter table justification add column attachment_file_id uuid;
alter table justification add column attachment_bytes integer;
