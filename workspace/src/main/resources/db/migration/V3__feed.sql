-- The published calendar's feed for Outlook and Google Calendar: an unguessable secret in its address, which an
-- admin can rotate (the old address stops working).
ALTER TABLE scenario ADD COLUMN feed_secret VARCHAR(64) UNIQUE;
