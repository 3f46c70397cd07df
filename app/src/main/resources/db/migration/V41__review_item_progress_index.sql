-- A campaign's totals and each reviewer's progress in one pass over this index alone (an index-only
-- scan once the table is vacuumed), rather than over a million rows joined to their reviewers: the
-- review screens show them on every page.
create index review_item_progress on review_item (campaign_id, reviewer_id, decision, enforcement);
