INSERT INTO assets (
    asset_id, tenant_id, owner_user_id, group_id, name, status, asset_kind, source_type,
    media_type, asset_type, mime_type, file_type, size_bytes, sha256, storage_key, delivery_key,
    original_filename, created_at, updated_at)
VALUES (
    :assetId, :tenantId, :ownerUserId, :groupId, :name, :status, :assetKind, :sourceType,
    :mediaType, :assetType, :mimeType, :fileType, :sizeBytes, :sha256, :storageKey, :deliveryKey,
    :originalFilename, :createdAt, :updatedAt)
RETURNING id
