package ai.assetlibrary.server.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Holds every response the tests receive to {@code api/openapi.yaml}: status, headers and body must
 * be ones the contract allows for that operation, or the test fails.
 */
final class ResponseContract {

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

  private ResponseContract() {}

  /**
   * Fails when {@code response} is not one the contract allows. {@code body} is the body as text;
   * for bytes, any text standing for them (only JSON bodies are held to a schema).
   */
  static void check(HttpResponse<?> response, String body) {
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
  }
}
