-- The URL the latest attempt to register an asset with the provider was made from, looked up at the
-- provider when the attempt was cut short; provider_registration_started_at now holds when that
-- latest attempt began (the next waits until the provider has had time to finish it).
ALTER TABLE assets ADD COLUMN provider_registration_url TEXT;

-- A delete owed to the provider for an asset whose id never came back (its registration was cut
-- short): provider_id is then the URL it was registered from, looked up in this provider group.
ALTER TABLE provider_deletions ADD COLUMN provider_group_id TEXT;
