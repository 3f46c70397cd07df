-- Every membership change Clavis confirms finds the request of its grant (request timeline), and so does
-- every extension; without this index each lookup read the whole access_request table.
create index access_request_grant on access_request (grant_id);
