package ai.assetlibrary.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import ai.assetlibrary.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The console's page and files as the server serves them: the page under a policy that allows only
 * this origin and never cached, its hashed files cacheable for good, any other name a 404 envelope.
 * (The console itself is driven in a browser by {@code ConsoleTest} in {@code clients/}.)
 */
class ConsolePageTest extends ServerTest {

  private static final Pattern FILES = Pattern.compile("/console/assets/([A-Za-z0-9._-]+)");

  @Test
  void thePageIsServedUnderAPolicyThatAllowsThisOriginAloneAndIsNotCached() {
    HttpResponse<String> page = server.get("/console", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .contains("default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'");
    assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
    assertThat(page.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(cache -> assertThat(cache).contains("no-cache"));
    assertThat(page.body()).contains("<div id=\"app\"></div>").doesNotContain("//cdn");
  }

  @Test
  void everyFileThePageLoadsIsServedWithItsTypeAndCacheableForAYear() {
    String page = server.get("/console", null).body();
    Matcher files = FILES.matcher(page);
    List<String> names = files.results().map(match -> match.group(1)).toList();

    assertThat(names).anyMatch(name -> name.endsWith(".js")).anyMatch(n -> n.endsWith(".css"));
    for (String name : names) {
      HttpResponse<String> file = server.get("/console/assets/" + name, null);
      assertThat(file.statusCode()).as(name).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type").orElseThrow())
          .as(name)
          .startsWith(
              name.endsWith(".js")
                  ? "text/javascript"
                  : name.endsWith(".css") ? "text/css" : "image/svg+xml");
      assertThat(file.headers().firstValue("Cache-Control").orElseThrow())
          .contains("max-age=31536000", "immutable");
    }
  }

  @Test
  void anyOtherNameIsA404EnvelopeAndNothingOutsideTheBundleIsReachable() {
    for (String path :
        List.of(
            "/console/assets/missing-D5K05ekE.js",
            "/console/assets/..%2Findex.html",
            "/console/assets/..%2F..%2Fapi%2Fopenapi.yaml",
            "/console/assets/.hidden.js",
            "/console/assets/index.html")) {
      HttpResponse<String> answer = server.get(path, null);

      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(TestServer.json(answer).get("serviceCode").asText())
          .isEqualTo("RESOURCE_NOT_FOUND");
    }
  }
}
