-- Search of asset names by substring: an FTS5 index of the names' trigrams, over the assets table
-- itself (no copy of the names), kept by triggers in the same transaction as every change. The
-- index finds the candidates; the list query checks each against the exact LIKE match.
CREATE VIRTUAL TABLE asset_name_search USING fts5 (
    name, content = 'assets', content_rowid = 'id', tokenize = 'trigram'
);

INSERT INTO asset_name_search (asset_name_search) VALUES ('rebuild');

CREATE TRIGGER asset_name_search_on_insert AFTER INSERT ON assets
BEGIN
    INSERT INTO asset_name_search (rowid, name) VALUES (NEW.id, NEW.name);
END;

CREATE TRIGGER asset_name_search_on_delete AFTER DELETE ON assets
BEGIN
    INSERT INTO asset_name_search (asset_name_search, rowid, name) VALUES ('delete', OLD.id, OLD.name);
END;

CREATE TRIGGER asset_name_search_on_rename AFTER UPDATE OF name ON assets
BEGIN
    INSERT INTO asset_name_search (asset_name_search, rowid, name) VALUES ('delete', OLD.id, OLD.name);
    INSERT INTO asset_name_search (rowid, name) VALUES (NEW.id, NEW.name);
END;
