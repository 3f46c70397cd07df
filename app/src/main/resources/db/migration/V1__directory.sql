-- People, groups and memberships as last synced from the directory. Clavis ids are its own;
-- external_id is the provider's stable id. Rows of people who left are kept (status DEPARTED):
-- grants, decisions and audit entries keep pointing at them.
create table person (
    id                  uuid primary key,
    external_id         varchar(1024) not null,
    email               varchar(320)  not null,
    display_name        varchar(512)  not null,
    department          varchar(256),
    title               varchar(256),
    manager_external_id varchar(1024),
    employee_type       varchar(64),
    status              varchar(16)   not null,
    last_login_at       timestamp with time zone,
    seen_in_sync        uuid,
    updated_at          timestamp with time zone not null,
    constraint person_external_id unique (external_id)
);
create index person_email on person (email);
create index person_department on person (department);
create index person_manager on person (manager_external_id);

create table directory_group (
    id           uuid primary key,
    external_id  varchar(1024) not null,
    name         varchar(512)  not null,
    description  varchar(2048),
    seen_in_sync uuid,
    updated_at   timestamp with time zone not null,
    constraint directory_group_external_id unique (external_id)
);
create index directory_group_name on directory_group (name);

create table group_membership (
    group_id  uuid not null references directory_group (id) on delete cascade,
    person_id uuid not null references person (id) on delete cascade,
    primary key (group_id, person_id)
);
create index group_membership_person on group_membership (person_id);

-- Memberships read during one sync, compared with group_membership when the read is complete.
create table membership_stage (
    sync_id   uuid not null,
    group_id  uuid not null,
    person_id uuid not null
);
create index membership_stage_key on membership_stage (sync_id, group_id, person_id);

create table directory_sync (
    id                  uuid primary key,
    trigger_source      varchar(32)  not null,
    status              varchar(16)  not null,
    phase               varchar(32)  not null,
    requested_at        timestamp with time zone not null,
    started_at          timestamp with time zone,
    finished_at         timestamp with time zone,
    people_read         integer not null default 0,
    groups_read         integer not null default 0,
    memberships_read    integer not null default 0,
    people_added        integer not null default 0,
    people_updated      integer not null default 0,
    people_departed     integer not null default 0,
    groups_added        integer not null default 0,
    groups_removed      integer not null default 0,
    memberships_added   integer not null default 0,
    memberships_removed integer not null default 0,
    confirm_large_removal boolean not null default false,
    error               varchar(4000)
);
create index directory_sync_status on directory_sync (status);
