package ai.assetlibrary.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * The real server as a later version of the contract may answer: every {@code GET} is forwarded to
 * it, and in its JSON answers the enum fields below carry values this contract does not have, as
 * new enum values may appear within a major version. Clients generated from this contract are
 * pointed here to show that they still read the records.
 */
public final class LaterContractServer implements AutoCloseable {

  /** Enum fields of the contract's responses, with a value a later version might send. */
  public static final Map<String, String> NEW_VALUES =
      Map.of(
          "sharePermission", "ADMIN",
          "permission", "ADMIN",
          "targetType", "FOLDER",
          "groupKind", "ALBUM",
          "serviceCode", "A_CODE_FROM_A_LATER_VERSION");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI upstream;
  private final HttpClient client = HttpClient.newHttpClient();
  private final HttpServer http;

  private LaterContractServer(URI upstream) throws IOException {
    this.upstream = upstream;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", this::answer);
    http.start();
  }

  /** Starts one in front of the server at {@code upstream} (its base URL, without a path). */
  public static LaterContractServer inFrontOf(URI upstream) throws IOException {
    return new LaterContractServer(upstream);
  }

  /** The base URL clients should use. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      HttpRequest.Builder forwarded =
          HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()));
      Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
          .ifPresent(value -> forwarded.header("Authorization", value));
      HttpResponse<byte[]> response =
          client.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue("Content-Type").orElse("");
      byte[] body = response.body();
      if (type.startsWith("application/json")) {
        JsonNode tree = JSON.readTree(body);
        replaceEnumValues(tree);
        body = JSON.writeValueAsBytes(tree);
      }
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void replaceEnumValues(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String newValue = NEW_VALUES.get(field.getKey());
        if (newValue != null && field.getValue().isTextual()) {
          object.put(field.getKey(), newValue);
        } else {
          replaceEnumValues(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(LaterContractServer::replaceEnumValues);
    }
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
