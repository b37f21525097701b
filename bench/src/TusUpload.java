import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * A minimal tus 1.0.0 client for the benchmark: creates an upload for a file and sends it in
 * PATCHes of a fixed size, each with a Content-Length, over one connection; prints the seconds
 * from the creation to the last answer.
 *
 * <pre>java bench/src/TusUpload.java BASE_URL API_KEY FILE CHUNK_BYTES</pre>
 */
public final class TusUpload {

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    String key = args[1];
    Path file = Path.of(args[2]);
    long chunk = Long.parseLong(args[3]);
    long size = java.nio.file.Files.size(file);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String name = Base64.getEncoder().encodeToString(file.getFileName().toString().getBytes());
    long started = System.nanoTime();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(base.resolve("/v1/uploads"))
                .header("Authorization", "Bearer " + key)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", Long.toString(size))
                .header("Upload-Metadata", "filename " + name)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    check(created, 201);
    URI upload = URI.create(created.headers().firstValue("Location").orElseThrow());
    for (long offset = 0; offset < size; offset += chunk) {
      long from = offset;
      long length = Math.min(chunk, size - offset);
      HttpResponse<String> appended =
          http.send(
              HttpRequest.newBuilder(upload)
                  .header("Authorization", "Bearer " + key)
                  .header("Tus-Resumable", "1.0.0")
                  .header("Upload-Offset", Long.toString(from))
                  .header("Content-Type", "application/offset+octet-stream")
                  .method(
                      "PATCH",
                      HttpRequest.BodyPublishers.fromPublisher(
                          HttpRequest.BodyPublishers.ofInputStream(() -> range(file, from, length)),
                          length))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      check(appended, 204);
    }
    System.out.printf("%.6f%n", (System.nanoTime() - started) / 1e9);
  }

  private static InputStream range(Path file, long offset, long length) {
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
      channel.position(offset);
      return new java.io.BufferedInputStream(Channels.newInputStream(channel), 1 << 16) {
        private long left = length;

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
          if (left == 0) {
            return -1;
          }
          int read = super.read(buffer, off, (int) Math.min(len, left));
          if (read > 0) {
            left -= read;
          }
          return read;
        }
      };
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void check(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.statusCode() + ": " + response.body());
    }
  }
}
