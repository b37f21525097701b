-- Tenants, users, API keys, asset groups and assets: the records behind the upload endpoint.
-- Times are epoch milliseconds (UTC). Bytes live in the blob store under assets.storage_key.

CREATE TABLE tenants (
    id          INTEGER PRIMARY KEY,
    created_at  INTEGER NOT NULL
);

CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    tenant_id   INTEGER NOT NULL REFERENCES tenants (id),
    name        TEXT    NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id      INTEGER NOT NULL REFERENCES users (id),
    key_hash     TEXT    NOT NULL UNIQUE,
    key_hint     TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    disabled_at  INTEGER
);

CREATE TABLE asset_groups (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    public_id          TEXT    NOT NULL,
    tenant_id          INTEGER NOT NULL REFERENCES tenants (id),
    owner_user_id      INTEGER NOT NULL REFERENCES users (id),
    name               TEXT    NOT NULL,
    group_kind         TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    is_default         INTEGER NOT NULL DEFAULT 0,
    legacy_id          INTEGER UNIQUE,
    provider_group_id  TEXT,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    UNIQUE (owner_user_id, public_id)
);

-- At most one default ("library") group per user.
CREATE UNIQUE INDEX asset_groups_one_default ON asset_groups (owner_user_id) WHERE is_default = 1;

CREATE TABLE assets (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    asset_id           TEXT    NOT NULL UNIQUE,
    tenant_id          INTEGER NOT NULL REFERENCES tenants (id),
    owner_user_id      INTEGER NOT NULL REFERENCES users (id),
    group_id           INTEGER NOT NULL REFERENCES asset_groups (id),
    name               TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    asset_kind         TEXT    NOT NULL,
    source_type        TEXT    NOT NULL,
    media_type         TEXT    NOT NULL,
    asset_type         TEXT    NOT NULL,
    mime_type          TEXT    NOT NULL,
    file_type          TEXT    NOT NULL,
    size_bytes         INTEGER NOT NULL,
    sha256             TEXT    NOT NULL,
    storage_key        TEXT    NOT NULL UNIQUE,
    delivery_key       TEXT    NOT NULL UNIQUE,
    original_filename  TEXT,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);

CREATE INDEX assets_by_owner ON assets (owner_user_id, created_at);
CREATE INDEX assets_by_group ON assets (group_id, created_at);
