-- Slack: what came in (verified, deduplicated, processed once), what goes out (a paced, durable queue),
-- and where each approver's message is, so every copy can be updated once someone decides.

create table slack_inbound (
    dedupe_key    varchar(200) primary key,
    kind          varchar(40) not null,
    body          text not null,
    received_at   timestamp with time zone not null,
    claimed_until timestamp with time zone,
    attempts      integer not null default 0,
    done_at       timestamp with time zone,
    outcome       varchar(1000)
);

create index slack_inbound_undone on slack_inbound (done_at, received_at);

create table slack_outbox (
    id            uuid primary key,
    dedupe_key    varchar(200) not null unique,
    conversation  varchar(100) not null,
    person_id     uuid,
    method        varchar(60) not null,
    arguments     text not null,
    approval_request_id uuid,
    approval_stage      integer,
    approval_person_id  uuid,
    created_at    timestamp with time zone not null,
    due_at        timestamp with time zone not null,
    claimed_until timestamp with time zone,
    attempts      integer not null default 0,
    sent_at       timestamp with time zone,
    failed_at     timestamp with time zone,
    last_error    varchar(1000)
);

create index slack_outbox_due on slack_outbox (sent_at, failed_at, due_at);
create index slack_outbox_conversation on slack_outbox (conversation, created_at);

create table slack_approval_message (
    request_id uuid not null,
    stage      integer not null,
    person_id  uuid not null,
    channel    varchar(40),
    ts         varchar(40),
    shown      varchar(64),
    primary key (request_id, stage, person_id)
);

create table slack_user (
    slack_user_id varchar(40) primary key,
    person_id     uuid,
    email         varchar(320),
    looked_up_at  timestamp with time zone not null
);

create index slack_user_person on slack_user (person_id);
