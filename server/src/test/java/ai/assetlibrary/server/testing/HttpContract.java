package ai.assetlibrary.server.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/**
 * Holds every exchange the tests make to {@code api/openapi.yaml}. The response must be one the
 * contract allows for that operation (status, headers, body). A request the contract forbids must
 * be refused with a 4xx, so the server never accepts what its contract rules out; requests the
 * contract allows are free to succeed or fail on the server's own rules. The validator holds JSON
 * bodies, parameters and credentials to the contract; it does not look inside multipart bodies,
 * whose parts the upload tests cover one by one.
 */
final class HttpContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl(
              Path.of("..", "api", "openapi.yaml").toAbsolutePath().toUri().toString())
          .withLevelResolver(
              LevelResolver.create()
                  // Tests of unknown routes and methods: the contract has no operation to hold them
                  // to.
                  .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                  .withLevel(
                      "validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                  .build())
          .build();

  private HttpContract() {}

  /**
   * Fails when the exchange breaks the contract. {@code body} is the response body as text; for
   * bytes, any text standing for them (only JSON bodies are held to a schema).
   */
  static void check(HttpResponse<?> response, String body) {
    checkRequest(response);
    checkResponse(response, body);
  }

  private static void checkRequest(HttpResponse<?> response) {
    ValidationReport report = validateRequest(response.request());
    int status = response.statusCode();
    if (report.hasErrors() && (status < 400 || status >= 500)) {
      throw new AssertionError(
          "The server answered "
              + status
              + " to a request the contract forbids, "
              + response.request().method()
              + " "
              + response.request().uri()
              + ":\n"
              + report.getMessages());
    }
  }

  /** What the contract says of {@code request}, before any server sees it. */
  static ValidationReport validateRequest(HttpRequest request) {
    return VALIDATOR.validateRequest(toValidatorRequest(request));
  }

  private static void checkResponse(HttpResponse<?> response, String body) {
    SimpleResponse.Builder checked = new SimpleResponse.Builder(response.statusCode());
    response.headers().map().forEach(checked::withHeader);
    if (body != null && !body.isEmpty()) {
      checked.withBody(body);
    }
    ValidationReport report =
        VALIDATOR.validateResponse(
            response.request().uri().getRawPath(),
            Request.Method.valueOf(response.request().method().toUpperCase(Locale.ROOT)),
            checked.build());
    if (report.hasErrors()) {
      throw new AssertionError(
          "The response to "
              + response.request().method()
              + " "
              + response.request().uri().getRawPath()
              + " breaks the contract:\n"
              + report.getMessages()
              + "\n"
              + body);
    }
    checkMediaTypes(response, body);
  }

  /**
   * The seed's rule that a schema cannot state: an asset's {@code mediaType} is its detected type,
   * the same string as its {@code mimeType}, on every endpoint that returns one.
   */
  private static void checkMediaTypes(HttpResponse<?> response, String body) {
    if (!isJson(response) || body == null || body.isEmpty()) {
      return;
    }
    try {
      for (JsonNode asset : JSON.readTree(body).findParents("assetId")) {
        boolean record = asset.get("assetId").isTextual() && asset.path("mimeType").isTextual();
        if (record && !asset.path("mediaType").equals(asset.get("mimeType"))) {
          throw new AssertionError(
              "An asset whose mediaType is not its mimeType, from "
                  + response.request().uri().getRawPath()
                  + ":\n"
                  + asset);
        }
      }
    } catch (JsonProcessingException e) {
      throw new AssertionError("Not JSON, although declared so: " + body, e);
    }
  }

  private static boolean isJson(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Content-Type")
        .map(type -> type.startsWith("application/json"))
        .orElse(false);
  }

  private static Request toValidatorRequest(HttpRequest request) {
    SimpleRequest.Builder built =
        new SimpleRequest.Builder(request.method(), request.uri().getRawPath());
    String query = request.uri().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        built.withQueryParam(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    request.headers().map().forEach(built::withHeader);
    request
        .bodyPublisher()
        .filter(publisher -> publisher.contentLength() != 0)
        .map(HttpContract::drain)
        .ifPresent(built::withBody);
    return built.build();
  }

  /** Reads a replayable body publisher (the tests only use byte-array and string ones). */
  private static byte[] drain(HttpRequest.BodyPublisher publisher) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CompletableFuture<byte[]> done = new CompletableFuture<>();
    publisher.subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
          }

          @Override
          public void onNext(ByteBuffer item) {
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.writeBytes(chunk);
          }

          @Override
          public void onError(Throwable failure) {
            done.completeExceptionally(failure);
          }

          @Override
          public void onComplete() {
            done.complete(bytes.toByteArray());
          }
        });
    return done.join();
  }
}
