-- Group descriptions and retention, asset expiry, and shares of assets and groups with other
-- users of the same tenant. A share's target_id is assets.id or asset_groups.id by target_type.
ALTER TABLE asset_groups ADD COLUMN description TEXT;
ALTER TABLE asset_groups ADD COLUMN retention_days INTEGER;
ALTER TABLE assets ADD COLUMN expires_at INTEGER;

CREATE INDEX assets_by_expiry ON assets (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE shares (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id        INTEGER NOT NULL REFERENCES tenants (id),
    target_type      TEXT    NOT NULL CHECK (target_type IN ('ASSET', 'GROUP')),
    target_id        INTEGER NOT NULL,
    grantee_user_id  INTEGER NOT NULL REFERENCES users (id),
    permission       TEXT    NOT NULL CHECK (permission IN ('READ', 'USE', 'EDIT')),
    expires_at       INTEGER,
    created_at       INTEGER NOT NULL,
    UNIQUE (target_type, target_id, grantee_user_id)
);

CREATE INDEX shares_by_grantee ON shares (grantee_user_id, target_type, target_id);
