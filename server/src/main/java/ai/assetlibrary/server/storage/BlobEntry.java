package ai.assetlibrary.server.storage;

import java.time.Instant;

/**
 * A committed blob as listed by {@link BlobStore#list}: its key and when its bytes were written.
 */
public record BlobEntry(String key, Instant lastModified) {}
