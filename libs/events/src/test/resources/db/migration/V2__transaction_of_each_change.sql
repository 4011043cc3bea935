-- Which transaction applied each event: shows that a batch was handled in one.
alter table test_applied add column tx bigint not null default txid_current();
