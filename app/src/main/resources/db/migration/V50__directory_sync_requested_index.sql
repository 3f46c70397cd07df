-- The console lists the latest syncs, newest first; one every 15 minutes is 35,000 rows a year.
create index directory_sync_requested on directory_sync (requested_at);
