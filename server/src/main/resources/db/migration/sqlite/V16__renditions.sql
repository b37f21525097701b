-- Renditions of an asset's picture rendered on delivery: one row per asset and normalised set of
-- parameters, naming the derived blob that holds it. Rows go with their asset, in the transaction
-- that deletes it (the reference is checked at its commit), which queues their blobs' removal.
CREATE TABLE renditions (
    id           INTEGER PRIMARY KEY,
    asset_id     INTEGER NOT NULL REFERENCES assets (id) DEFERRABLE INITIALLY DEFERRED,
    params       TEXT    NOT NULL,
    storage_key  TEXT    NOT NULL UNIQUE,
    mime_type    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    size_bytes   INTEGER NOT NULL,
    width        INTEGER NOT NULL,
    height       INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    UNIQUE (asset_id, params)
);
