-- An asset's bytes and its thumbnail are each delivered under their own key.
SELECT * FROM assets WHERE delivery_key = :deliveryKey OR thumbnail_delivery_key = :deliveryKey
