-- A person's own quiet slots (right to disconnect, issue 19), on top of the school's quiet hours:
-- a day of the week (1 = Monday ... 7 = Sunday) and a time range; ends_at 00:00 = midnight.
create table person_quiet_slot (
    person_id   uuid     not null,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    starts_at   time     not null,
    ends_at     time     not null,
    primary key (person_id, day_of_week, starts_at)
);
