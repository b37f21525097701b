package ai.assetlibrary.server.uploads;

import ai.assetlibrary.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tus 1.0.0 requests a test sends by hand, to hold the server to each rule of the protocol;
 * every answer is checked against the contract on the way.
 */
final class TusClient {

  private final TestServer server;
  private final String apiKey;

  TusClient(TestServer server, String apiKey) {
    this.server = server;
    this.apiKey = apiKey;
  }

  /** {@code Upload-Metadata} for these pairs, in order. */
  static String metadata(String... keysAndValues) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      pairs.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return pairs.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + " "
                    + Base64.getEncoder()
                        .encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)))
        .collect(Collectors.joining(","));
  }

  HttpResponse<String> create(long length, String metadata, String... headers) {
    HttpRequest.Builder request =
        authorized(server.uri("/v1/uploads"))
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Long.toString(length))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (metadata != null) {
      request.header("Upload-Metadata", metadata);
    }
    return server.send(withHeaders(request, headers).build());
  }

  /** Creation with upload: the first bytes in the creation request. */
  HttpResponse<String> createWith(long length, String metadata, byte[] firstBytes) {
    return server.send(
        authorized(server.uri("/v1/uploads"))
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Length", Long.toString(length))
            .header("Upload-Metadata", metadata)
            .header("Content-Type", "application/offset+octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(firstBytes))
            .build());
  }

  /** The upload's URL from a creation's answer. */
  static URI location(HttpResponse<String> created) {
    return URI.create(created.headers().firstValue("Location").orElseThrow());
  }

  HttpResponse<String> head(URI upload) {
    return server.send(
        authorized(upload)
            .header("Tus-Resumable", "1.0.0")
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build());
  }

  HttpResponse<String> patch(URI upload, long offset, byte[] bytes, String... headers) {
    HttpRequest.Builder request =
        authorized(upload)
            .header("Tus-Resumable", "1.0.0")
            .header("Upload-Offset", Long.toString(offset))
            .header("Content-Type", "application/offset+octet-stream")
            .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes));
    return server.send(withHeaders(request, headers).build());
  }

  HttpResponse<String> delete(URI upload) {
    return server.send(authorized(upload).header("Tus-Resumable", "1.0.0").DELETE().build());
  }

  HttpResponse<String> get(URI upload) {
    return server.send(authorized(upload).GET().build());
  }

  static long offset(HttpResponse<String> response) {
    return Long.parseLong(response.headers().firstValue("Upload-Offset").orElseThrow());
  }

  private HttpRequest.Builder authorized(URI uri) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return request;
  }

  private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return request;
  }
}
