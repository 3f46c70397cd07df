-- The hash-chained audit trail. Each entry's hash covers its content and the previous entry's hash;
-- audit_head holds the last sequence and hash, and its row lock serialises appends.
create table audit_entry (
    sequence      bigint primary key,
    at            timestamp with time zone not null,
    type          varchar(128)  not null,
    actor         varchar(512)  not null,
    subject       varchar(512)  not null,
    data          text          not null,
    previous_hash varchar(64)   not null,
    hash          varchar(64)   not null
);
create index audit_entry_subject on audit_entry (subject, sequence);
create index audit_entry_type on audit_entry (type, sequence);
create index audit_entry_at on audit_entry (at);

create table audit_head (
    id       integer primary key,
    sequence bigint      not null,
    hash     varchar(64) not null
);
insert into audit_head (id, sequence, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
