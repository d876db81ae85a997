-- Draft and published: the published scenario serves the version that was published (its feed, its exports as
-- the common calendar), while planners go on editing later versions as its draft. A scenario published before
-- this keeps serving the version it has now.
ALTER TABLE scenario ADD COLUMN published_version INTEGER;
UPDATE scenario SET published_version = version WHERE published;
