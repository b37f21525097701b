package ai.assetlibrary.server.records;

/** An upload remembered under its Idempotency-Key: what was sent, and the asset's public id. */
public record IdempotencyKeyRecord(String fingerprint, String assetId) {}
