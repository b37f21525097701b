-- When the first attempt to register an asset with the provider began. An attempt cut short before
-- its answer was recorded (a crash, a lost connection) may still have created the asset there, so
-- the next attempt looks for it at the provider before creating it again.
ALTER TABLE assets ADD COLUMN provider_registration_started_at BIGINT;
