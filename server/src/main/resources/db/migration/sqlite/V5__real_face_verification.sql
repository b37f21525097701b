-- RealFace groups await the provider's real-person verification: the provider's session token,
-- the random token of our callback URL, and the verification page with its expiry.
ALTER TABLE asset_groups ADD COLUMN byted_token TEXT;
ALTER TABLE asset_groups ADD COLUMN callback_token TEXT;
ALTER TABLE asset_groups ADD COLUMN h5_link TEXT;
ALTER TABLE asset_groups ADD COLUMN h5_link_expires_at INTEGER;

CREATE UNIQUE INDEX asset_groups_by_callback_token ON asset_groups (callback_token);
