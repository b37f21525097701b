SELECT
    a.id AS a_id, a.asset_id AS a_asset_id, a.tenant_id AS a_tenant_id,
    a.owner_user_id AS a_owner_user_id, a.group_id AS a_group_id, a.name AS a_name,
    a.status AS a_status, a.asset_kind AS a_asset_kind, a.source_type AS a_source_type,
    a.media_type AS a_media_type, a.asset_type AS a_asset_type, a.mime_type AS a_mime_type,
    a.file_type AS a_file_type, a.size_bytes AS a_size_bytes, a.sha256 AS a_sha256,
    a.storage_key AS a_storage_key, a.delivery_key AS a_delivery_key,
    a.original_filename AS a_original_filename, a.created_at AS a_created_at,
    a.updated_at AS a_updated_at,
    g.id AS g_id, g.public_id AS g_public_id, g.tenant_id AS g_tenant_id,
    g.owner_user_id AS g_owner_user_id, g.name AS g_name, g.group_kind AS g_group_kind,
    g.status AS g_status, g.is_default AS g_is_default, g.legacy_id AS g_legacy_id,
    g.provider_group_id AS g_provider_group_id, g.created_at AS g_created_at,
    g.updated_at AS g_updated_at,
    u.name AS owner_name
FROM assets a
JOIN asset_groups g ON g.id = a.group_id
JOIN users u ON u.id = a.owner_user_id
WHERE a.id = :id
