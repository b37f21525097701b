package ai.assetlibrary.server.media;

/** A rendered thumbnail, small enough to hold in memory. */
public record EncodedThumbnail(byte[] bytes, String mimeType, String extension) {}
