-- Entries and work tied to timetable-service's lesson occurrences (libs/lessons' lesson_occurrence,
-- fed by ent.timetable). Null where the school has no timetable: the day and class/group as before.
ALTER TABLE log_entry ADD COLUMN occurrence_id varchar(60);
CREATE INDEX log_entry_occurrence ON log_entry (occurrence_id) WHERE occurrence_id IS NOT NULL;

-- occurrence_id: the lesson the work was set in; due_occurrence_id: the lesson it is due for
-- (its due day and time are that lesson's start, resolved when the work is set).
ALTER TABLE work ADD COLUMN occurrence_id varchar(60);
ALTER TABLE work ADD COLUMN due_occurrence_id varchar(60);
CREATE INDEX work_occurrence ON work (occurrence_id) WHERE occurrence_id IS NOT NULL;
