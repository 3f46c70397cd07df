-- Workers look for claimable tasks in (status, next_attempt_at, queue_seq) order and stop after a few,
-- instead of finding and sorting every due task; this index also serves everything the one it replaces did.
create index provisioning_task_claim on provisioning_task (status, next_attempt_at, queue_seq);
drop index provisioning_task_due;
