package ai.assetlibrary.server.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ai.assetlibrary.server.provider.RequestSigner;
import ai.assetlibrary.server.provider.SigningScheme;
import ai.assetlibrary.server.storage.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake BytePlus ModelArk on WireMock that speaks its protocol: action-style {@code POST
 * /?Action=… &Version=2024-01-01}, Volcengine V4 signatures checked on every request (a bad one
 * answers 401 {@code SignatureDoesNotMatch}), {@code {ResponseMetadata, Result}} answers, and
 * assets that it downloads from the URL it is given. Tests tell it how to behave next.
 */
public final class FakeModelArk implements BeforeAllCallback, AfterAllCallback {

  public static final String ACCESS_KEY = "AKFAKEMODELARK";
  public static final String SECRET_KEY = "fake-secret-key";
  public static final String REGION = "ap-southeast-1";
  public static final String PROJECT = "assets-test";

  /** How the fake answers the next calls. */
  public enum Behaviour {
    ACCEPT,
    REFUSE,
    THROTTLE_ONCE,
    /**
     * The next call is carried out, but its answer never arrives (the connection is reset), as when
     * the caller dies or the network breaks after the provider acted; then it accepts again.
     */
    LOSE_ONE_ANSWER,
    /**
     * Every {@code CreateAsset} is carried out but its answer is lost, and {@code ListAssets} fails
     * with a 500: nobody can learn whether an asset was created.
     */
    CREATE_IN_SILENCE,
    FAIL_WITH_500,
    HANG,
    /** Every connection is reset, as when the provider cannot be reached at all. */
    UNREACHABLE
  }

  private static final DateTimeFormatter X_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient downloader =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, JsonNode> groups = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> assets = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<byte[]>> downloads = new ConcurrentHashMap<>();
  private final Map<String, String> callbackUrls = new ConcurrentHashMap<>();
  private final Map<String, String> verifiedGroups = new ConcurrentHashMap<>();
  private volatile String lastBytedToken;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private volatile Behaviour behaviour = Behaviour.ACCEPT;
  private volatile String refusalCode = "InvalidParameter";
  private WireMockServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** Starts serving on a free loopback port (the extension does this before a test class). */
  public void start() {
    server =
        new WireMockServer(
            options().dynamicPort().bindAddress("127.0.0.1").extensions(new Actions()));
    server.start();
    server.stubFor(
        post(urlPathEqualTo("/")).willReturn(aResponse().withTransformers(Actions.NAME)));
  }

  public void stop() {
    server.stop();
  }

  /** The {@code ASSETS_BYTEPLUS_*} settings that point a server here, with short timeouts. */
  public Map<String, String> environment() {
    return Map.of(
        "ASSETS_BYTEPLUS_ENDPOINT", "http://127.0.0.1:" + server.port(),
        "ASSETS_BYTEPLUS_ACCESS_KEY", ACCESS_KEY,
        "ASSETS_BYTEPLUS_SECRET_KEY", SECRET_KEY,
        "ASSETS_BYTEPLUS_REGION", REGION,
        "ASSETS_BYTEPLUS_PROJECT", PROJECT,
        "ASSETS_BYTEPLUS_TIMEOUT_MILLIS", "400");
  }

  /** Forgets everything and accepts again. */
  public void reset() {
    groups.clear();
    assets.clear();
    downloads.clear();
    callbackUrls.clear();
    verifiedGroups.clear();
    calls.clear();
    behaviour = Behaviour.ACCEPT;
  }

  public void behave(Behaviour next) {
    behaviour = next;
  }

  /** Refuse from now on with this provider error code (e.g. {@code FaceMismatch}). */
  public void refuseWith(String code) {
    refusalCode = code;
    behaviour = Behaviour.REFUSE;
  }

  /** The actions called so far, in order, including failed attempts. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The path of the callback URL the server gave for a verification session. */
  public String asCallbackPath(String bytedToken) {
    return URI.create(callbackUrls.get(bytedToken)).getPath();
  }

  /** The session token of the latest verification started. */
  public String lastBytedToken() {
    return lastBytedToken;
  }

  /**
   * The person completes the verification behind {@code bytedToken}: the provider now reports
   * {@code providerGroupId}, and calls the callback URL unless {@code loseCallback}.
   */
  public void completeVerification(String bytedToken, String providerGroupId, boolean loseCallback)
      throws IOException, InterruptedException {
    verifiedGroups.put(bytedToken, providerGroupId);
    groups.put(providerGroupId, json.createObjectNode().put("GroupType", "LivenessFace"));
    if (!loseCallback) {
      HttpResponse<String> response =
          downloader.send(
              HttpRequest.newBuilder(URI.create(callbackUrls.get(bytedToken)))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"resultCode\": \"10000\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Callback answered " + response.statusCode());
      }
    }
  }

  /** Finishes processing an asset: {@code Active}, or {@code Failed} with an error code. */
  public void settle(String assetId, String status, String errorCode) {
    ObjectNode asset = (ObjectNode) assets.get(assetId);
    asset.put("Status", status);
    if (errorCode != null) {
      asset.set(
          "Error",
          json.createObjectNode().put("Code", errorCode).put("Message", errorCode + " detected"));
    }
  }

  public JsonNode group(String id) {
    return groups.get(id);
  }

  public JsonNode asset(String id) {
    return assets.get(id);
  }

  /** Every asset the provider holds now, by its id. */
  public Map<String, JsonNode> heldAssets() {
    return Map.copyOf(assets);
  }

  /**
   * The bytes the fake downloaded for an asset, once the download has ended (null if it failed).
   */
  public byte[] downloaded(String assetId) {
    CompletableFuture<byte[]> download = downloads.get(assetId);
    return download == null ? null : download.join();
  }

  /** Dispatches each request to the action it names. */
  private final class Actions implements ResponseDefinitionTransformerV2 {
    static final String NAME = "modelark-actions";

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String action = request.queryParameter("Action").firstValue();
      calls.add(action);
      if (!"2024-01-01".equals(request.queryParameter("Version").firstValue())) {
        return error(action, 400, "InvalidVersion", "Unsupported Version");
      }
      if (!signatureMatches(request)) {
        return error(action, 401, "SignatureDoesNotMatch", "The request signature does not match");
      }
      switch (behaviour) {
        case HANG -> {
          return ResponseDefinitionBuilder.responseDefinition()
              .withStatus(200)
              .withBody("{}")
              .withFixedDelay(5_000)
              .build();
        }
        case UNREACHABLE -> {
          return ResponseDefinitionBuilder.responseDefinition()
              .withFault(Fault.CONNECTION_RESET_BY_PEER)
              .build();
        }
        case FAIL_WITH_500 -> {
          return error(action, 500, "InternalError", "The service is unavailable");
        }
        case THROTTLE_ONCE -> {
          behaviour = Behaviour.ACCEPT;
          return error(action, 429, "Throttling", "Too many requests");
        }
        case REFUSE -> {
          return error(action, 400, refusalCode, "Refused by the fake provider");
        }
        case CREATE_IN_SILENCE -> {
          if (action.equals("ListAssets")) {
            return error(action, 500, "InternalError", "The service is unavailable");
          }
          if (!action.equals("CreateAsset")) {
            return perform(action, read(request.getBody()));
          }
          perform(action, read(request.getBody()));
          return ResponseDefinitionBuilder.responseDefinition()
              .withFault(Fault.CONNECTION_RESET_BY_PEER)
              .build();
        }
        case LOSE_ONE_ANSWER -> {
          behaviour = Behaviour.ACCEPT;
          perform(action, read(request.getBody()));
          return ResponseDefinitionBuilder.responseDefinition()
              .withFault(Fault.CONNECTION_RESET_BY_PEER)
              .build();
        }
        default -> {
          return perform(action, read(request.getBody()));
        }
      }
    }

    private ResponseDefinition perform(String action, JsonNode body) {
      ObjectNode result = json.createObjectNode();
      switch (action) {
        case "CreateAssetGroup" -> {
          if (!"AIGC".equals(body.path("GroupType").asText())) {
            return error(action, 400, "InvalidParameter.GroupType", "GroupType must be AIGC");
          }
          String id = "group-" + ids.incrementAndGet();
          groups.put(id, body);
          result.put("Id", id);
        }
        case "CreateAsset" -> {
          if (!groups.containsKey(body.path("GroupId").asText())
              && !body.path("GroupId").asText().startsWith("legacy-")) {
            return error(action, 404, "ResourceNotFound", "No such group");
          }
          // Creation is asynchronous: the answer comes first, the file is fetched afterwards.
          String id = "asset-" + ids.incrementAndGet();
          ObjectNode asset = body.deepCopy();
          asset.put("Status", "Processing");
          assets.put(id, asset);
          downloads.put(id, download(body.path("URL").asText(), asset));
          result.put("Id", id);
        }
        case "CreateVisualValidateSession" -> {
          String token = "bt-" + ids.incrementAndGet();
          callbackUrls.put(token, body.path("CallbackURL").asText());
          lastBytedToken = token;
          result.put("BytedToken", token);
          result.put("H5Link", "https://h5.fake-modelark.test/verify/" + token);
          result.put("CallbackURL", body.path("CallbackURL").asText());
        }
        case "GetVisualValidateResult" -> {
          String group = verifiedGroups.get(body.path("BytedToken").asText());
          if (group == null) {
            return error(action, 400, "ValidatePending", "The person has not finished yet");
          }
          result.put("GroupId", group);
        }
        case "DeleteAsset" -> {
          if (assets.remove(body.path("Id").asText()) == null) {
            return error(action, 404, "ResourceNotFound", "No such asset");
          }
        }
        case "DeleteAssetGroup" -> {
          if (groups.remove(body.path("Id").asText()) == null) {
            return error(action, 404, "ResourceNotFound", "No such group");
          }
        }
        case "ListAssets" -> {
          Set<String> groupIds = new HashSet<>();
          body.path("Filter").path("GroupIds").forEach(id -> groupIds.add(id.asText()));
          int page = body.path("PageNumber").asInt(1);
          int size = body.path("PageSize").asInt(10);
          if (page < 1 || size < 1 || size > 100) {
            return error(action, 400, "InvalidParameter", "PageNumber or PageSize out of range");
          }
          List<String> matching =
              assets.entrySet().stream()
                  .filter(
                      e ->
                          groupIds.isEmpty()
                              || groupIds.contains(e.getValue().path("GroupId").asText()))
                  .map(Map.Entry::getKey)
                  .sorted(Comparator.comparingInt(id -> Integer.parseInt(id.substring(6))))
                  .toList();
          ArrayNode items = result.putArray("Items");
          matching.stream()
              .skip((long) (page - 1) * size)
              .limit(size)
              .forEach(id -> items.add(((ObjectNode) assets.get(id).deepCopy()).put("Id", id)));
          result.put("TotalCount", matching.size());
          result.put("PageNumber", page);
          result.put("PageSize", size);
        }
        case "GetAsset" -> {
          JsonNode asset = assets.get(body.path("Id").asText());
          if (asset == null) {
            return error(action, 404, "ResourceNotFound", "No such asset");
          }
          result.setAll((ObjectNode) asset);
          result.put("Id", body.path("Id").asText());
        }
        default -> {
          return error(action, 400, "InvalidAction", "Unknown action " + action);
        }
      }
      return answer(action, 200, result, null);
    }

    /** Fetches {@code url}; an asset whose file cannot be fetched ends {@code Failed}. */
    private CompletableFuture<byte[]> download(String url, ObjectNode asset) {
      CompletableFuture<byte[]> bytes;
      try {
        bytes =
            downloader
                .sendAsync(
                    HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> response.statusCode() == 200 ? response.body() : null)
                .exceptionally(failure -> null);
      } catch (IllegalArgumentException e) {
        bytes = CompletableFuture.completedFuture(null);
      }
      return bytes.thenApply(
          body -> {
            if (body == null) {
              asset.put("Status", "Failed");
              asset.set(
                  "Error",
                  json.createObjectNode()
                      .put("Code", "InvalidParameter.URL")
                      .put("Message", "The URL could not be downloaded"));
            }
            return body;
          });
    }

    private boolean signatureMatches(Request request) {
      String date = request.getHeader("X-Date");
      String contentHash = request.getHeader("X-Content-Sha256");
      String authorization = request.getHeader("Authorization");
      if (date == null || contentHash == null || authorization == null) {
        return false;
      }
      if (!contentHash.equals(Sha256.hex(request.getBody()))) {
        return false;
      }
      Map<String, String> headers =
          Map.of(
              "Host", request.getHeader("Host"),
              "Content-Type", request.getHeader("Content-Type"),
              "X-Content-Sha256", contentHash);
      RequestSigner signer =
          new RequestSigner(SigningScheme.VOLCENGINE, ACCESS_KEY, SECRET_KEY, REGION, "ark");
      Map<String, String> query =
          Map.of(
              "Action", request.queryParameter("Action").firstValue(),
              "Version", request.queryParameter("Version").firstValue());
      RequestSigner.Signature expected =
          signer.sign(
              "POST", "/", query, headers, request.getBody(), Instant.from(X_DATE.parse(date)));
      return authorization.equals(expected.headers().get("Authorization"));
    }

    private ResponseDefinition error(String action, int status, String code, String message) {
      ObjectNode error = json.createObjectNode().put("Code", code).put("Message", message);
      return answer(action, status, null, error);
    }

    private ResponseDefinition answer(String action, int status, JsonNode result, JsonNode error) {
      ObjectNode metadata =
          json.createObjectNode()
              .put("RequestId", UUID.randomUUID().toString())
              .put("Action", action)
              .put("Version", "2024-01-01")
              .put("Service", "ark")
              .put("Region", REGION);
      if (error != null) {
        metadata.set("Error", error);
      }
      ObjectNode body = json.createObjectNode();
      body.set("ResponseMetadata", metadata);
      if (result != null) {
        body.set("Result", result);
      }
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(status)
          .withHeader("Content-Type", "application/json")
          .withBody(body.toString())
          .build();
    }

    private JsonNode read(byte[] body) {
      try {
        return json.readTree(body);
      } catch (IOException e) {
        return json.createObjectNode();
      }
    }
  }
}
