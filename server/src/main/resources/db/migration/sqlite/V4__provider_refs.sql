-- Provider registration of assets in portrait groups: the provider's asset and group ids, and the
-- last error the provider reported.
ALTER TABLE assets ADD COLUMN byteplus_asset_id TEXT;
ALTER TABLE assets ADD COLUMN provider_group_id TEXT;
ALTER TABLE assets ADD COLUMN provider_error_code TEXT;
ALTER TABLE assets ADD COLUMN provider_error_message TEXT;
