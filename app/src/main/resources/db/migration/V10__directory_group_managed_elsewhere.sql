-- Why the connector cannot change a group's members (the provider says another system masters them),
-- as the connector put it; null when it can. Roles mapped to such a group are not automatable.
alter table directory_group add column managed_elsewhere varchar(512);
