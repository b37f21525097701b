import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak: {@code operations} mixed requests at {@code concurrency} against a running server (45 %
 * uploads of one of the given files, 35 % reads of a record and its bytes, 20 % deletes), then
 * every asset it left is deleted so that storage can return to where it started. Prints one line:
 * operations, failures (any answer but 200), and the mix.
 *
 * <p>java bench/src/Soak.java BASE_URL API_KEY OPERATIONS CONCURRENCY FILE...
 */
public class Soak {
  public static void main(String[] args) throws Exception {
    String base = args[0];
    String key = args[1];
    int operations = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    List<byte[]> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 4; i < args.length; i++) {
      files.add(Files.readAllBytes(Path.of(args[i])));
      names.add(Path.of(args[i]).getFileName().toString());
    }
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, String> live = new ConcurrentHashMap<>(); // assetId -> file path of its URL
    AtomicInteger next = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    AtomicLong uploads = new AtomicLong();
    AtomicLong reads = new AtomicLong();
    AtomicLong deletes = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    for (int c = 0; c < concurrency; c++) {
      long seed = c;
      pool.execute(
          () -> {
            Random random = new Random(seed);
            while (next.getAndIncrement() < operations) {
              try {
                int dice = random.nextInt(100);
                List<String> ids = new ArrayList<>(live.keySet());
                if (dice < 45 || ids.isEmpty()) {
                  int f = random.nextInt(files.size());
                  HttpResponse<String> r = http.send(upload(base, key, names.get(f), files.get(f)),
                      HttpResponse.BodyHandlers.ofString());
                  uploads.incrementAndGet();
                  if (r.statusCode() != 200) { failures.incrementAndGet(); continue; }
                  live.put(field(r.body(), "assetId"), URI.create(field(r.body(), "url")).getPath());
                } else if (dice < 80) {
                  String id = ids.get(random.nextInt(ids.size()));
                  String path = live.get(id);
                  reads.incrementAndGet();
                  HttpResponse<String> r = http.send(get(base + "/v1/assets/" + id, key),
                      HttpResponse.BodyHandlers.ofString());
                  if (path == null) { continue; } // deleted meanwhile
                  HttpResponse<Void> bytes = http.send(get(base + path, null),
                      HttpResponse.BodyHandlers.discarding());
                  if (live.containsKey(id) && (r.statusCode() != 200 || bytes.statusCode() != 200)) {
                    failures.incrementAndGet();
                  }
                } else {
                  String id = ids.get(random.nextInt(ids.size()));
                  if (live.remove(id) == null) { continue; }
                  deletes.incrementAndGet();
                  if (delete(http, base, key, id) != 200) { failures.incrementAndGet(); }
                }
              } catch (Exception e) {
                failures.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.HOURS);
    for (String id : live.keySet()) {
      if (delete(http, base, key, id) != 200) { failures.incrementAndGet(); }
    }
    System.out.printf("operations=%d failures=%d uploads=%d reads=%d deletes=%d cleanup=%d%n",
        operations, failures.get(), uploads.get(), reads.get(), deletes.get(), live.size());
  }

  /** Deletes, waiting out the rate limit as a well-behaved client does. */
  static int delete(HttpClient http, String base, String key, String id) throws Exception {
    while (true) {
      HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/assets/" + id))
          .header("Authorization", "Bearer " + key).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() != 429) {
        return r.statusCode();
      }
      Thread.sleep(1000L * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1")));
    }
  }

  static HttpRequest get(String url, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (key != null) { b.header("Authorization", "Bearer " + key); }
    return b.build();
  }

  static HttpRequest upload(String base, String key, String name, byte[] file) {
    String boundary = "soak" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + "/v1/assets"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
  }

  /** A top-level string field of data in the JSON answer (the answers are flat enough for this). */
  static String field(String json, String name) {
    int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
    return json.substring(at, json.indexOf('"', at));
  }
}
