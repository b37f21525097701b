-- Resumable uploads (tus and the IETF draft) while their bytes arrive: who started each, its
-- declared length and the metadata it came with, how many bytes are durably held and the blob
-- store's own state for them, and which request may append now (a lock with an expiry, so that an
-- instance that dies holding it does not hold it for ever). A finished upload keeps its row, naming
-- its asset, until it expires.
CREATE TABLE uploads (
    id               BIGSERIAL PRIMARY KEY,
    upload_id        TEXT    NOT NULL UNIQUE,
    tenant_id        BIGINT NOT NULL,
    owner_user_id    BIGINT NOT NULL REFERENCES users (id),
    upload_length    BIGINT NOT NULL,
    received_bytes   BIGINT NOT NULL DEFAULT 0,
    metadata         TEXT,
    detected_type    TEXT,
    storage_key      TEXT,
    store_state      TEXT,
    idempotency_key  TEXT,
    fingerprint      TEXT,
    lock_token       TEXT,
    locked_until     BIGINT NOT NULL DEFAULT 0,
    asset_id         TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL
);
CREATE UNIQUE INDEX uploads_by_idempotency_key ON uploads (owner_user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
CREATE INDEX uploads_by_owner ON uploads (owner_user_id) WHERE asset_id IS NULL;
CREATE INDEX uploads_by_expiry ON uploads (expires_at);
