package ai.assetlibrary.server.storage;

/** The space of a volume that holds blobs: what is left for them, and all of it. */
public record StorageCapacity(long usableBytes, long totalBytes) {}
