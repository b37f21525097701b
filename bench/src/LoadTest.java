import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop load generator for the benchmark: {@code requests} requests over
 * {@code concurrency} connections, each answered before the connection's next one is sent.
 *
 * <pre>
 * java LoadTest.java upload   URL API_KEY FILE REQUESTS CONCURRENCY
 * java LoadTest.java download URL REQUESTS CONCURRENCY
 * </pre>
 *
 * Prints one line: {@code requests seconds perSecond p50Ms p99Ms megabytesPerSecond failures}.
 */
public final class LoadTest {

  public static void main(String[] args) throws Exception {
    boolean upload = args[0].equals("upload");
    URI uri = URI.create(args[1]);
    String key = upload ? args[2] : null;
    byte[] body = upload ? multipart(Path.of(args[3])) : null;
    int requests = Integer.parseInt(args[upload ? 4 : 2]);
    int concurrency = Integer.parseInt(args[upload ? 5 : 3]);
    String boundary = "----bench-boundary-7MA4YWxkTrZu0gW";

    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(concurrency))
            .build();
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicLong bytes = new AtomicLong();
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    long started = System.nanoTime();
    for (int w = 0; w < concurrency; w++) {
      workers.execute(
          () -> {
            for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2));
              if (upload) {
                request
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
              }
              long t0 = System.nanoTime();
              try {
                HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                long read = drain(response.body());
                if (response.statusCode() != 200) {
                  failures.incrementAndGet();
                }
                bytes.addAndGet(upload ? body.length : read);
              } catch (IOException | InterruptedException e) {
                failures.incrementAndGet();
              }
              latencies[i] = System.nanoTime() - t0;
            }
          });
    }
    workers.shutdown();
    workers.awaitTermination(1, TimeUnit.HOURS);
    double seconds = (System.nanoTime() - started) / 1e9;
    Arrays.sort(latencies);
    System.out.printf(
        "%d %.3f %.1f %.2f %.2f %.1f %d%n",
        requests,
        seconds,
        requests / seconds,
        latencies[(int) (requests * 0.50)] / 1e6,
        latencies[Math.min(requests - 1, (int) (requests * 0.99))] / 1e6,
        bytes.get() / 1e6 / seconds,
        failures.get());
    System.exit(0);
  }

  /** The seed's form, file part first: file, name, groupId. */
  private static byte[] multipart(Path file) throws IOException {
    String boundary = "----bench-boundary-7MA4YWxkTrZu0gW";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.write(Files.readAllBytes(file));
    out.write(
        ("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nbench"
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"groupId\""
                + "\r\n\r\nlibrary\r\n--" + boundary + "--\r\n")
            .getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[256 * 1024];
    long total = 0;
    try (in) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
    }
    return total;
  }
}
