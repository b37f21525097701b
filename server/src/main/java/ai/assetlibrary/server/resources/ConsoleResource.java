package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.ConsoleApi;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The browser console at {@code /console}: the page and the files it loads, bundled in the jar by
 * the console's build, under a Content-Security-Policy that lets the page reach this origin alone.
 */
public final class ConsoleResource implements ConsoleApi {

  private static final String BUNDLE = "/ai/assetlibrary/server/console/";

  /** Vite's file names: a name, a hash of the content, an extension; nothing that walks up. */
  private static final Pattern FILE =
      Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*\\.[a-z0-9]+");

  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "woff2", "font/woff2");
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";
  private static final int YEAR_SECONDS = 365 * 24 * 3600;

  @Override
  public Response getConsole() {
    InputStream page = ConsoleResource.class.getResourceAsStream(BUNDLE + "index.html");
    if (page == null) {
      throw new IllegalStateException("The console is missing from the build");
    }
    CacheControl noCache = new CacheControl();
    noCache.setNoCache(true);
    return Response.ok(page, "text/html; charset=utf-8")
        .cacheControl(noCache)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  @Override
  public Response getConsoleAsset(String file) {
    Optional<String> contentType =
        FILE.matcher(file).matches()
            ? Optional.ofNullable(CONTENT_TYPES.get(file.substring(file.lastIndexOf('.') + 1)))
            : Optional.empty();
    InputStream content =
        contentType.isEmpty()
            ? null
            : ConsoleResource.class.getResourceAsStream(BUNDLE + "assets/" + file);
    if (content == null) {
      throw new LibraryException(Failure.NOT_FOUND, "No such file.");
    }
    return Response.ok(content, contentType.get())
        .header("Cache-Control", "public, max-age=" + YEAR_SECONDS + ", immutable")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
