-- Idempotency-Key of an upload: the user who sent it, a digest of what was sent (file and form
-- fields), the asset it produced. Forgotten when it expires or its asset is deleted.
CREATE TABLE idempotency_keys (
    user_id          INTEGER NOT NULL REFERENCES users (id),
    idempotency_key  TEXT    NOT NULL,
    fingerprint      TEXT    NOT NULL,
    asset_id         INTEGER NOT NULL REFERENCES assets (id) ON DELETE CASCADE,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotency_keys_by_asset ON idempotency_keys (asset_id);
CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);
