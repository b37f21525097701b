package ai.assetlibrary.server.media;

/** A rendered rendition, small enough to hold in memory, and its size in pixels. */
public record EncodedRendition(byte[] bytes, RenditionFormat format, int width, int height) {}
