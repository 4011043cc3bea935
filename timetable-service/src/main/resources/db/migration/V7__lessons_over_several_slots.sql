-- A lesson may last several consecutive slots of the school's day (a double EPS lesson, M1-M2):
-- end_slot is its last slot (null: one slot, as every lesson before). An occurrence moved to a slot
-- keeps its length: moved_end_slot is the last slot it was moved to (null: one slot).

alter table lesson add column end_slot varchar(10);
alter table occurrence_change add column moved_end_slot varchar(10);
