package ai.assetlibrary.server.records;

/**
 * A row of {@code renditions}: one rendition of an asset (by the asset's row id) for one normalised
 * set of parameters, and the derived blob that holds it.
 */
public record RenditionRecord(
    long assetId,
    String params,
    String storageKey,
    String mimeType,
    String sha256,
    long sizeBytes,
    int width,
    int height,
    long createdAt) {}
