-- Entries of committed transactions that the chainer has not linked into audit_entry yet. A transaction
-- only inserts here, so recording what it changed never waits for another transaction's commit; the
-- chainer links them in id order under audit_head's lock, many at a time, and deletes them.
create table audit_pending (
    id      bigint generated always as identity primary key,
    at      timestamp with time zone not null,
    type    varchar(128)  not null,
    actor   varchar(512)  not null,
    subject varchar(512)  not null,
    data    text          not null
);
