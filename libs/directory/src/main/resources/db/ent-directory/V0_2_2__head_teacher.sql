-- The professeur principal (head teacher) of a class: TeachingAssignmentUpserted's optional headTeacher.
ALTER TABLE directory_teaching ADD COLUMN head_teacher boolean NOT NULL DEFAULT false;
