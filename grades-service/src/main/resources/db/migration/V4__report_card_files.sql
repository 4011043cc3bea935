-- Report-card copies move to object storage (libs/files, bucket ent-grades-service): the row keeps
-- the metadata and names the file; pdf stays only for copies generated before, until
-- ReportCardLegacyCopies moves them (then it is null).
ALTER TABLE report_card_document ADD COLUMN file_id uuid;
ALTER TABLE report_card_document ADD COLUMN size bigint;
UPDATE report_card_document SET size = length(pdf);
ALTER TABLE report_card_document ALTER COLUMN size SET NOT NULL;
ALTER TABLE report_card_document ALTER COLUMN pdf DROP NOT NULL;
ALTER TABLE report_card_document ADD CONSTRAINT report_card_document_bytes CHECK (file_id IS NOT NULL OR pdf IS NOT NULL);
CREATE INDEX report_card_document_in_database ON report_card_document (period_id) WHERE file_id IS NULL;
