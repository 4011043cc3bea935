-- The professeur principal (head teacher) of a class: a flag on the teacher's assignments in it,
-- from the roster's professeur_principal column; published on TeachingAssignmentUpserted.
alter table teaching_assignment add column head_teacher boolean not null default false;
