-- The orphan sweep asks which stored blobs belong to a record; thumbnails are looked up by key too.
CREATE INDEX assets_by_thumbnail_key ON assets (thumbnail_storage_key)
    WHERE thumbnail_storage_key IS NOT NULL;
