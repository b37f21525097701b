SELECT * FROM assets WHERE id = :id
