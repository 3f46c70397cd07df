-- Workers look for claimable tasks among the few unfinished ones, however many finished tasks the table
-- holds. On (status, next_attempt_at, queue_seq) every change of a task's status adds an index entry and
-- leaves the old one behind until vacuum; PostgreSQL read those in bitmap scans, which never mark an entry
-- dead, so each claim visited every task that had been pending since the last vacuum: 40 ms a claim on
-- average over a request-bench run of 16,000 requests (510 ms with autovacuum off). An index of pending
-- tasks alone is walked in order and stops after the first few; the entries of tasks that moved on are
-- marked dead by the first walk that passes them. Finished tasks get an index of their own, by when they
-- finished, for the retention job and the failed-tasks gauge.
create index provisioning_task_pending on provisioning_task (next_attempt_at, queue_seq) where status = 'PENDING';
create index provisioning_task_running on provisioning_task (next_attempt_at, queue_seq) where status = 'RUNNING';
create index provisioning_task_finished on provisioning_task (status, done_at) where status in ('DONE', 'FAILED');
drop index provisioning_task_claim;
