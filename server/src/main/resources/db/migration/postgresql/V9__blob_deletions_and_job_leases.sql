-- Blobs owed a delete: queued in the transaction that deletes their records, removed once the blob
-- store has deleted them; a delete that fails is retried by the sweep until it succeeds.
CREATE TABLE blob_deletions (
    storage_key  TEXT    PRIMARY KEY,
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT,
    created_at   BIGINT  NOT NULL
);

-- Who runs each background job now: one instance at a time holds a job's lease until it expires
-- or is released.
CREATE TABLE job_leases (
    job         TEXT   PRIMARY KEY,
    holder      TEXT   NOT NULL,
    expires_at  BIGINT NOT NULL
);
