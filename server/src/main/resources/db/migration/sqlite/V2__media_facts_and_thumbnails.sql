-- What was measured in each file (absent when unknown), and the thumbnail blob with its own
-- delivery key.
ALTER TABLE assets ADD COLUMN width INTEGER;
ALTER TABLE assets ADD COLUMN height INTEGER;
ALTER TABLE assets ADD COLUMN duration_seconds REAL;
ALTER TABLE assets ADD COLUMN frame_rate REAL;
ALTER TABLE assets ADD COLUMN thumbnail_storage_key TEXT;
ALTER TABLE assets ADD COLUMN thumbnail_delivery_key TEXT;
ALTER TABLE assets ADD COLUMN thumbnail_mime_type TEXT;
ALTER TABLE assets ADD COLUMN thumbnail_sha256 TEXT;

CREATE UNIQUE INDEX assets_thumbnail_delivery_key ON assets (thumbnail_delivery_key);
