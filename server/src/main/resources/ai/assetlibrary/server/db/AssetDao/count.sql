SELECT count(*) FROM assets
