-- Every catalog ever applied, whole, so a request can name the policy version it was decided under.
create table catalog_version (
    version    bigint primary key,
    content    text not null,
    sha256     varchar(64) not null,
    applied_at timestamp with time zone not null,
    applied_by varchar(512) not null
);
