package ai.assetlibrary.server.db;

/** An upload remembered under its Idempotency-Key: what was sent, and the asset's public id. */
public record IdempotencyKeyRow(String fingerprint, String assetId) {}
