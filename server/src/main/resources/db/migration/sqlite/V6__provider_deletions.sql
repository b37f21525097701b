-- Deletes owed to the provider: written in the same transaction that deletes the local record,
-- removed once the provider has deleted (or no longer knows) the asset or group.
CREATE TABLE provider_deletions (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    target_type       TEXT    NOT NULL CHECK (target_type IN ('ASSET', 'GROUP')),
    provider_id       TEXT    NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    last_error        TEXT,
    created_at        INTEGER NOT NULL
);
