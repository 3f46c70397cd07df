create table api_token (
    id         uuid primary key,
    token_hash varchar(64)  not null,
    person_id  uuid,
    name       varchar(512) not null,
    scopes     varchar(256) not null,
    created_at timestamp with time zone not null,
    created_by varchar(512) not null,
    revoked_at timestamp with time zone,
    constraint api_token_hash unique (token_hash)
);

-- db-scheduler's table, as its documentation gives it for PostgreSQL (H2 runs in PostgreSQL mode).
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(200) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(100),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);

-- Spring Modulith's event publication registry (its v2 schema): events survive a crash.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar(8000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
create index event_publication_by_listener on event_publication (listener_id);
create index event_publication_by_completion_date on event_publication (completion_date);
