package ai.assetlibrary.server.testing;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds multipart/form-data bodies byte by byte, including deliberately odd ones. */
public final class Multipart {

  private final String boundary = "----assets-test-" + UUID.randomUUID();
  private final List<byte[]> parts = new ArrayList<>();

  public static Multipart form() {
    return new Multipart();
  }

  public Multipart text(String name, String value) {
    return raw(
        "Content-Disposition: form-data; name=\"" + name + "\"\r\n",
        value.getBytes(StandardCharsets.UTF_8));
  }

  public Multipart file(String name, String filename, String contentType, byte[] content) {
    return raw(
        "Content-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n",
        content);
  }

  /** A part with the given header lines (each ending in CRLF) and content. */
  public Multipart raw(String headers, byte[] content) {
    ByteArrayOutputStream part = new ByteArrayOutputStream();
    part.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
    part.writeBytes(content);
    part.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    parts.add(part.toByteArray());
    return this;
  }

  /** A POST of this form to {@code uri} with the bearer {@code apiKey}. */
  public HttpRequest.Builder postTo(URI uri, String apiKey) {
    return HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body()));
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public String boundary() {
    return boundary;
  }

  /** The complete body, closing boundary included. */
  public byte[] body() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
