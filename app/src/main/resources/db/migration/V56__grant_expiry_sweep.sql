-- Grants are now ended by a recurring sweep over access_grant.expires_at (index access_grant_expiry),
-- not by a one-time task per grant; the executions left from before would find no task to run them.
delete from scheduled_tasks where task_name = 'grant-expiry';
