-- No rank unless the school turns it on: then a pupil's averages come with their rank in the class.
ALTER TABLE school_settings ADD COLUMN show_rank boolean NOT NULL DEFAULT false;
