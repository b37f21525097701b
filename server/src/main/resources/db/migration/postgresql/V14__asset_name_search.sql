-- Search of asset names by substring: a trigram index of the lower-cased names. pg_trgm ships with
-- PostgreSQL and is a trusted extension (13 and later): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX assets_name_trigrams ON assets USING gin (lower(name) gin_trgm_ops);
