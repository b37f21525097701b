-- Secrets every instance shares, made by whichever instance needs one first: the key that seals
-- list cursors, so that a cursor one instance gave out is accepted by every other.
CREATE TABLE server_secrets (
    name        TEXT   PRIMARY KEY,
    secret      TEXT   NOT NULL,
    created_at  BIGINT NOT NULL
);
