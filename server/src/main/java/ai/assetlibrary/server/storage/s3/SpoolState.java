package ai.assetlibrary.server.storage.s3;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the records keep of a resumable upload's bytes in the bucket: the multipart upload and its
 * parts, and the object that holds the bytes that do not fill a part yet.
 */
record SpoolState(String multipartId, List<Part> parts, String rest, long restBytes) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static final SpoolState EMPTY = new SpoolState(null, List.of(), null, 0);

  /** One part of the multipart upload. */
  record Part(int number, String etag, long bytes) {}

  long partBytes() {
    return parts.stream().mapToLong(Part::bytes).sum();
  }

  static SpoolState decode(String state) throws IOException {
    return state == null ? EMPTY : JSON.readValue(state, SpoolState.class);
  }

  String encode() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
