package ai.assetlibrary.server.provider;

import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.storage.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BytePlus ModelArk's asset API over its Volcengine OpenAPI conventions: {@code POST
 * {endpoint}/?Action=…&Version=2024-01-01} with a JSON body, signed with {@link RequestSigner},
 * answered with {@code {ResponseMetadata: {…, Error?}, Result}}. Every call has a timeout; calls
 * that may safely be repeated (connection failures, 5xx, throttling) are retried with exponential
 * backoff; calls are spaced under the provider's published rate; every failed call is logged.
 */
public final class ModelArkClient implements AssetProvider {

  private static final Logger LOG = LoggerFactory.getLogger(ModelArkClient.class);
  private static final String VERSION = "2024-01-01";
  private static final String SERVICE = "ark";
  private static final String VALIDATE_PENDING = "ValidatePending";
  private static final int LIST_PAGE_SIZE = 100;
  private static final Set<String> THROTTLING =
      Set.of("Throttling", "RequestLimitExceeded", "TooManyRequests", "FlowLimitExceeded");

  /** Under the provider's published limit of about 30 create calls per second. */
  private static final double CALLS_PER_SECOND = 20;

  private final URI endpoint;
  private final RequestSigner signer;
  private final String project;
  private final Duration timeout;
  private final int attempts;
  private final Duration backoff;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final RateLimiter limiter = new RateLimiter(CALLS_PER_SECOND);
  private final Clock clock;
  private final AssetMetrics metrics;

  /**
   * @param endpoint the API's base URL, e.g. {@code https://ark.ap-southeast.bytepluses.com}
   * @param timeout the longest one attempt may take
   * @param attempts how many times a retryable call is tried in all
   * @param backoff the wait before the second attempt; it doubles for each further one
   */
  public ModelArkClient(
      URI endpoint,
      String accessKey,
      String secretKey,
      String region,
      String project,
      Duration timeout,
      int attempts,
      Duration backoff,
      Clock clock,
      AssetMetrics metrics) {
    this.endpoint = endpoint;
    this.metrics = metrics;
    this.signer =
        new RequestSigner(SigningScheme.VOLCENGINE, accessKey, secretKey, region, SERVICE);
    this.project = project;
    this.timeout = timeout;
    this.attempts = attempts;
    this.backoff = backoff;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public String createAssetGroup(String name, String description) throws ProviderException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Name", name);
    if (description != null) {
      body.put("Description", description);
    }
    body.put("GroupType", "AIGC");
    body.put("ProjectName", project);
    return call("CreateAssetGroup", body).path("Id").asText();
  }

  @Override
  public String createAsset(String providerGroupId, URI url, String assetType, String name)
      throws ProviderException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("GroupId", providerGroupId);
    body.put("URL", url.toString());
    body.put("AssetType", assetType);
    body.put("Name", name);
    body.put("ProjectName", project);
    return call("CreateAsset", body, false).path("Id").asText();
  }

  @Override
  public Optional<String> findAsset(String providerGroupId, URI url) throws ProviderException {
    String wanted = url.toString();
    for (int page = 1; ; page++) {
      JsonNode result =
          call(
              "ListAssets",
              Map.of(
                  "Filter", Map.of("GroupIds", List.of(providerGroupId)),
                  "PageNumber", page,
                  "PageSize", LIST_PAGE_SIZE,
                  "ProjectName", project));
      JsonNode items = result.path("Items");
      for (JsonNode item : items) {
        if (wanted.equals(item.path("URL").asText())) {
          return Optional.of(item.path("Id").asText());
        }
      }
      if (items.size() < LIST_PAGE_SIZE
          || (long) page * LIST_PAGE_SIZE >= result.path("TotalCount").asLong()) {
        return Optional.empty();
      }
    }
  }

  @Override
  public ValidationSession createValidationSession(URI callbackUrl) throws ProviderException {
    JsonNode session =
        call(
            "CreateVisualValidateSession",
            Map.of("CallbackURL", callbackUrl.toString(), "ProjectName", project));
    return new ValidationSession(
        session.path("BytedToken").asText(), session.path("H5Link").asText());
  }

  @Override
  public Optional<String> getValidationResult(String bytedToken) throws ProviderException {
    try {
      JsonNode result =
          call("GetVisualValidateResult", Map.of("BytedToken", bytedToken, "ProjectName", project));
      return Optional.of(result.path("GroupId").asText()).filter(id -> !id.isEmpty());
    } catch (ProviderException e) {
      if (e.isRejected() && VALIDATE_PENDING.equals(e.code())) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public ProviderAsset getAsset(String providerAssetId) throws ProviderException {
    JsonNode asset = call("GetAsset", Map.of("Id", providerAssetId, "ProjectName", project));
    JsonNode error = asset.path("Error");
    return new ProviderAsset(
        asset.path("Status").asText(),
        error.hasNonNull("Code") ? error.path("Code").asText() : null,
        error.hasNonNull("Message") ? error.path("Message").asText() : null);
  }

  @Override
  public void deleteAsset(String providerAssetId) throws ProviderException {
    call("DeleteAsset", Map.of("Id", providerAssetId, "ProjectName", project));
  }

  @Override
  public void deleteAssetGroup(String providerGroupId) throws ProviderException {
    call("DeleteAssetGroup", Map.of("Id", providerGroupId, "ProjectName", project));
  }

  /** Calls {@code action} and returns its {@code Result}, timing the call by its outcome. */
  private JsonNode call(String action, Map<String, Object> body) throws ProviderException {
    return call(action, body, true);
  }

  /**
   * Calls {@code action}; throttling is always retried, but a call whose outcome is unknown (no
   * answer, or a 5xx) is retried only when {@code retryUnknownOutcome}: the caller of an action
   * that creates something finds out itself whether it did.
   */
  private JsonNode call(String action, Map<String, Object> body, boolean retryUnknownOutcome)
      throws ProviderException {
    long started = System.nanoTime();
    String outcome = "unavailable";
    try {
      JsonNode result = callWithRetries(action, body, retryUnknownOutcome);
      outcome = "ok";
      return result;
    } catch (ProviderException e) {
      outcome = e.isRejected() ? "rejected" : "unavailable";
      throw e;
    } finally {
      metrics.providerCall(action, outcome, System.nanoTime() - started);
    }
  }

  private JsonNode callWithRetries(
      String action, Map<String, Object> body, boolean retryUnknownOutcome)
      throws ProviderException {
    byte[] payload;
    try {
      payload = json.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot encode the " + action + " request", e);
    }
    String failure = "";
    boolean outcomeUnknown = false;
    int made = 0;
    while (made < attempts && (retryUnknownOutcome || !outcomeUnknown)) {
      int attempt = ++made;
      try {
        if (attempt > 1) {
          Thread.sleep(backoff.multipliedBy(1L << (attempt - 2)).toMillis());
        }
        limiter.acquire();
        HttpResponse<byte[]> response =
            http.send(request(action, payload), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode answer = parse(response.body());
        JsonNode error = answer.path("ResponseMetadata").path("Error");
        String code = error.path("Code").asText("");
        if (response.statusCode() >= 500
            || response.statusCode() == 429
            || THROTTLING.contains(code)) {
          failure = "HTTP " + response.statusCode() + (code.isEmpty() ? "" : " " + code);
          outcomeUnknown = response.statusCode() >= 500 && !THROTTLING.contains(code);
        } else if (!code.isEmpty() || response.statusCode() >= 400) {
          String message = error.path("Message").asText("HTTP " + response.statusCode());
          if (!VALIDATE_PENDING.equals(code)) {
            LOG.warn("ModelArk {} refused: {} {}", action, code, message);
          }
          throw ProviderException.rejected(
              code.isEmpty() ? "HTTP" + response.statusCode() : code, message);
        } else {
          return answer.path("Result");
        }
      } catch (IOException e) {
        failure =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        outcomeUnknown = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ProviderException.unavailable("Interrupted while calling the provider");
      }
      LOG.warn("ModelArk {} failed (attempt {}/{}): {}", action, attempt, attempts, failure);
    }
    throw ProviderException.unavailable(
        "The provider did not answer "
            + action
            + (made == 1 ? " (" : " after " + made + " attempts (")
            + failure
            + ").");
  }

  private HttpRequest request(String action, byte[] payload) {
    Map<String, String> query = Map.of("Action", action, "Version", VERSION);
    URI uri = URI.create(endpoint + "/?" + RequestSigner.canonicalQuery(query));
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("Host", uri.getRawAuthority());
    signed.put("Content-Type", "application/json");
    signed.put("X-Content-Sha256", Sha256.hex(payload));
    RequestSigner.Signature signature =
        signer.sign("POST", "/", query, signed, payload, clock.instant());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
    signed.forEach(
        (name, value) -> {
          if (!name.equals("Host")) {
            request.header(name, value);
          }
        });
    signature.headers().forEach(request::header);
    return request.build();
  }

  private JsonNode parse(byte[] body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }
}
