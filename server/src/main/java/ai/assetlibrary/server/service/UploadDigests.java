package ai.assetlibrary.server.service;

import ai.assetlibrary.server.storage.Sha256;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of each resumable upload's bytes so far, kept in memory between its requests, so that
 * the bytes are hashed once as they arrive. An upload continued by another instance, or after a
 * restart, has none here: its bytes are hashed from the store when it finishes.
 */
final class UploadDigests {

  /** Enough for every open upload of many users; past it, the oldest state simply goes. */
  private static final int MAX_UPLOADS = 10_000;

  private record At(long offset, MessageDigest digest) {}

  private final Map<String, At> byUpload = new ConcurrentHashMap<>();

  /** A digest of the upload's first {@code offset} bytes to continue, if one is known here. */
  Optional<MessageDigest> continuing(String uploadId, long offset) {
    if (offset == 0) {
      return Optional.of(Sha256.newDigest());
    }
    At at = byUpload.get(uploadId);
    if (at == null || at.offset() != offset) {
      return Optional.empty();
    }
    try {
      return Optional.of((MessageDigest) at.digest().clone());
    } catch (CloneNotSupportedException e) {
      return Optional.empty();
    }
  }

  /** {@code digest} now covers the upload's first {@code offset} bytes. */
  void advanced(String uploadId, long offset, MessageDigest digest) {
    if (byUpload.size() >= MAX_UPLOADS) {
      byUpload.clear();
    }
    byUpload.put(uploadId, new At(offset, digest));
  }

  void forget(String uploadId) {
    byUpload.remove(uploadId);
  }
}
