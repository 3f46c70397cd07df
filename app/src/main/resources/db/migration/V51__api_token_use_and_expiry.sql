-- A token may end by itself (expires_at), and admins see when each was last used (written at most
-- once a minute per token, so busy tokens do not turn every API call into a write).
alter table api_token add column expires_at timestamp with time zone;
alter table api_token add column last_used_at timestamp with time zone;
alter table api_token add column revoked_by varchar(512);
create index api_token_created on api_token (created_at);
