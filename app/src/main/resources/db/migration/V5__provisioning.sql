-- The durable queue of membership changes. A task is claimed by a conditional update (status and
-- lease), so several instances share the queue; a lease that runs out makes a task claimable again.
-- queue_seq orders the tasks of one (group_name, person_id): a task waits while an earlier one of the
-- same pair is unfinished.
create table provisioning_task (
    id              uuid primary key,
    queue_seq       bigint generated always as identity,
    reference       varchar(512)  not null,
    operation       varchar(16)   not null,
    group_name      varchar(512)  not null,
    person_id       uuid          not null,
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    lease_until     timestamp with time zone,
    claimed_by      varchar(256),
    queued_at       timestamp with time zone not null,
    done_at         timestamp with time zone,
    outcome         varchar(32),
    last_error      varchar(4000),
    constraint provisioning_task_queue_seq unique (queue_seq)
);
create index provisioning_task_due on provisioning_task (status, next_attempt_at);
create index provisioning_task_pair on provisioning_task (group_name, person_id, queue_seq);
create index provisioning_task_reference on provisioning_task (reference, queue_seq);
