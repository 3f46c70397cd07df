-- Claims look for running tasks whose lease ran out (a worker died or hung) beside the pending ones. On
-- provisioning_task_running (next_attempt_at, queue_seq) PostgreSQL could only filter on lease_until, and
-- chose a bitmap scan of every entry, dead ones included: each task that finished since the last vacuum
-- left one behind, and bitmap scans never mark an entry dead. In a request-bench run such claims took 40 ms
-- while a few dozen tasks were running. By lease_until, a claim walks the expired leases alone, in order,
-- and marks the dead entries it passes.
create index provisioning_task_lease on provisioning_task (lease_until) where status = 'RUNNING';
drop index provisioning_task_running;
