-- The URL an asset's registration with the provider was attempted from: an attempt cut short is
-- looked up at the provider by it, even after the asset's URLs were rotated.
ALTER TABLE assets ADD COLUMN provider_registration_url TEXT;

-- A delete owed to the provider for an asset whose id never came back (its registration was cut
-- short): provider_id is then the URL it was registered from, looked up in this provider group.
ALTER TABLE provider_deletions ADD COLUMN provider_group_id TEXT;
