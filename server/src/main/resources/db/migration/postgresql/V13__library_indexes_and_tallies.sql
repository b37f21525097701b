-- Lists and counts that cost the same at any library size.
-- Keyset indexes: every list branch (an owner's assets, a group's assets, narrowed by media type
-- or status) reads its page in order, newest first, ties by id, from the index alone where the
-- visibility map allows (expires_at is included).
DROP INDEX assets_by_owner;
DROP INDEX assets_by_group;
CREATE INDEX assets_by_owner ON assets (owner_user_id, created_at, id) INCLUDE (expires_at);
CREATE INDEX assets_by_group ON assets (group_id, created_at, id) INCLUDE (expires_at);
CREATE INDEX assets_by_owner_media ON assets (owner_user_id, media_type, created_at, id)
    INCLUDE (expires_at);
CREATE INDEX assets_by_owner_status ON assets (owner_user_id, status, created_at, id)
    INCLUDE (expires_at);
CREATE INDEX assets_expiring_by_group ON assets (group_id, expires_at) WHERE expires_at IS NOT NULL;

-- Exact counts and sizes per group and kind of asset, kept by the trigger below in the same
-- transaction as every change to assets. A list's total and a group's assetCount sum these rows.
CREATE TABLE asset_tallies (
    group_id    BIGINT NOT NULL,
    media_type  TEXT   NOT NULL,
    mime_type   TEXT   NOT NULL,
    asset_kind  TEXT   NOT NULL,
    status      TEXT   NOT NULL,
    asset_count BIGINT NOT NULL,
    byte_count  BIGINT NOT NULL,
    PRIMARY KEY (group_id, media_type, mime_type, asset_kind, status)
);

INSERT INTO asset_tallies (group_id, media_type, mime_type, asset_kind, status, asset_count, byte_count)
SELECT group_id, media_type, mime_type, asset_kind, status, count(*), sum(size_bytes)
FROM assets GROUP BY group_id, media_type, mime_type, asset_kind, status;

CREATE FUNCTION asset_tallies_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE asset_tallies SET asset_count = asset_count - 1, byte_count = byte_count - OLD.size_bytes
        WHERE group_id = OLD.group_id AND media_type = OLD.media_type
          AND mime_type = OLD.mime_type AND asset_kind = OLD.asset_kind AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO asset_tallies (group_id, media_type, mime_type, asset_kind, status, asset_count,
                                   byte_count)
        VALUES (NEW.group_id, NEW.media_type, NEW.mime_type, NEW.asset_kind, NEW.status, 1,
                NEW.size_bytes)
        ON CONFLICT (group_id, media_type, mime_type, asset_kind, status)
        DO UPDATE SET asset_count = asset_tallies.asset_count + 1,
                      byte_count = asset_tallies.byte_count + excluded.byte_count;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER asset_tallies_on_change
AFTER INSERT OR DELETE OR UPDATE OF group_id, media_type, mime_type, asset_kind, status, size_bytes
ON assets FOR EACH ROW EXECUTE FUNCTION asset_tallies_follow();

CREATE FUNCTION asset_tallies_forget_group() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM asset_tallies WHERE group_id = OLD.id;
    RETURN NULL;
END;
$$;

CREATE TRIGGER asset_tallies_on_group_delete AFTER DELETE ON asset_groups
FOR EACH ROW EXECUTE FUNCTION asset_tallies_forget_group();
