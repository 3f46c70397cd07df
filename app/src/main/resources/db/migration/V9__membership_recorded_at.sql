-- When Clavis recorded a membership (by a sync, or when the directory confirmed a change). A sync
-- removes only memberships recorded before it started reading: one confirmed while it read is newer
-- than what the sync saw, not gone.
alter table group_membership add column recorded_at timestamp with time zone;
update group_membership set recorded_at = current_timestamp;
