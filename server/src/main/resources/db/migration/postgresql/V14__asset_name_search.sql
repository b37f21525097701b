-- Search of asset names by substring: a trigram index of the lower-cased names. pg_trgm ships with
-- PostgreSQL and is a trusted extension (13 and later): the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- fastupdate off: each insert goes into the index itself, not a pending list that every search
-- would read from end to end until a vacuum merged it.
CREATE INDEX assets_name_trigrams ON assets USING gin (lower(name) gin_trgm_ops)
    WITH (fastupdate = off);
