-- State of the test application: things recorded with an event, counters changed by events.
create table test_thing (
    id        bigint generated always as identity primary key,
    thing_key text    not null,
    n         integer not null
);

create table test_counter (
    name  text primary key,
    value integer not null
);

create table test_applied (
    seq      bigint generated always as identity primary key,
    event_id uuid    not null,
    counter  text    not null,
    amount   integer not null
);

create table test_pupil (
    id   uuid primary key,
    name text not null
);
