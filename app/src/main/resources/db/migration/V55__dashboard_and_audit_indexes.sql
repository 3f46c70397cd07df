-- The dashboard aggregates requests and grants by day over a window of days; these let it read the
-- window's rows instead of every request and grant ever made.
create index access_request_created on access_request (created_at);
create index access_request_granted on access_request (granted_at);
create index access_grant_expiry on access_grant (status, expires_at);
-- The console's audit page filters by actor, newest first.
create index audit_entry_actor on audit_entry (actor, sequence);
