INSERT INTO assets (
    asset_id, tenant_id, owner_user_id, group_id, name, status, asset_kind, source_type,
    media_type, asset_type, mime_type, file_type, size_bytes, sha256, storage_key, delivery_key,
    original_filename, width, height, duration_seconds, frame_rate, thumbnail_storage_key,
    thumbnail_delivery_key, thumbnail_mime_type, thumbnail_sha256, expires_at, byteplus_asset_id,
    provider_group_id, provider_error_code, provider_error_message, created_at, updated_at)
VALUES (
    :assetId, :tenantId, :ownerUserId, :groupId, :name, :status, :assetKind, :sourceType,
    :mediaType, :assetType, :mimeType, :fileType, :sizeBytes, :sha256, :storageKey, :deliveryKey,
    :originalFilename, :width, :height, :durationSeconds, :frameRate, :thumbnailStorageKey,
    :thumbnailDeliveryKey, :thumbnailMimeType, :thumbnailSha256, :expiresAt, :byteplusAssetId,
    :providerGroupId, :providerErrorCode, :providerErrorMessage, :createdAt, :updatedAt)
RETURNING id
