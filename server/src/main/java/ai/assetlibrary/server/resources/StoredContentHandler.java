package ai.assetlibrary.server.resources;

import ai.assetlibrary.server.http.ApiVersionHeader;
import ai.assetlibrary.server.http.RequestLog;
import ai.assetlibrary.server.service.DeliveryService;
import ai.assetlibrary.server.service.DeliveryService.Delivery;
import ai.assetlibrary.server.service.RenditionQuery;
import ai.assetlibrary.server.service.RenditionRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.regex.Pattern;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's handler: answers a {@code GET} or {@code HEAD} of {@code /files/{deliveryKey}}
 * whose content is stored already (an original, a thumbnail, a rendition rendered before) itself,
 * with the headers, request id, log line and timing {@link DeliveryResource} gives it, and passes
 * every other request, and any it is in doubt about (a parameter to check, a rendition to render,
 * an error to report), to the application behind it.
 */
public final class StoredContentHandler extends HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(StoredContentHandler.class);
  private static final String PATH = "/files/";
  private static final String ROUTE = "/files/{deliveryKey}";
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,6}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,5}(\\.[0-9]{1,6})?");
  private static final int BUFFER_BYTES = 64 * 1024;

  private final HttpHandler application;
  private final DeliveryService deliveries;
  private final RequestLog log;
  private final String contractVersion;

  public StoredContentHandler(
      HttpHandler application, DeliveryService deliveries, RequestLog log, String contractVersion) {
    this.application = application;
    this.deliveries = deliveries;
    this.log = log;
    this.contractVersion = contractVersion;
  }

  @Override
  public void start() {
    application.start();
  }

  @Override
  public void destroy() {
    application.destroy();
  }

  @Override
  public void service(Request request, Response response) throws Exception {
    long started = System.nanoTime();
    Method method = request.getMethod();
    boolean stored =
        (method == Method.GET || method == Method.HEAD)
            && request.getRequestURI().startsWith(PATH)
            && answerStored(request, response, method == Method.GET, started);
    if (!stored) {
      application.service(request, response);
    }
  }

  /** Answers the request when its content is stored and nothing needs checking; else false. */
  private boolean answerStored(Request request, Response response, boolean withBody, long started)
      throws IOException {
    Optional<RenditionQuery> query = plainQuery(request);
    if (query.isEmpty()) {
      return false;
    }
    String deliveryKey = request.getRequestURI().substring(PATH.length());
    Optional<Delivery> found;
    DeliveryAnswer answer;
    InputStream body = null;
    try {
      found = deliveries.findStored(deliveryKey, query.get(), request.getHeader("Accept"));
      if (found.isEmpty()) {
        return false;
      }
      answer =
          DeliveryAnswer.of(
              found.get(),
              request.getHeader("Range"),
              request.getHeader("If-None-Match"),
              request.getHeader("If-Range"));
      if (withBody && answer.hasContent()) {
        body = found.get().blob().open(answer.first(), answer.length());
      }
    } catch (RuntimeException | IOException | ByteRange.Unsatisfiable e) {
      // Refused parameters, a failing dependency, a range outside the content, a blob deleted
      // meanwhile: the application answers each with its envelope.
      return false;
    }
    String requestId = log.begin(request.getHeader(RequestLog.HEADER));
    response.setStatus(answer.status());
    for (DeliveryAnswer.Header header : answer.headers()) {
      response.setHeader(header.name(), header.value());
    }
    response.setHeader(ApiVersionHeader.HEADER, contractVersion);
    response.setHeader(RequestLog.HEADER, requestId);
    if (body != null) {
      send(body, response);
    }
    deliveries.answered(query.get());
    log.end(
        new RequestLog.Answered(
            request.getMethod().getMethodString(),
            ROUTE,
            request.getRequestURI(),
            answer.status(),
            null,
            answer.hasContent() ? Long.toString(answer.length()) : null,
            System.nanoTime() - started,
            null));
    return true;
  }

  /**
   * The rendition parameters, when each is sent at most once and its value is plainly one the
   * rendition rules keep as it is; empty when the application has to check them.
   */
  private static Optional<RenditionQuery> plainQuery(Request request) {
    if (request.getQueryString() == null) {
      return Optional.of(RenditionQuery.none());
    }
    for (String name : RenditionQuery.NAMES) {
      String[] sent = request.getParameterValues(name);
      if (sent != null && sent.length > 1) {
        return Optional.empty();
      }
    }
    String w = request.getParameter("w");
    String h = request.getParameter("h");
    String q = request.getParameter("q");
    String t = request.getParameter("t");
    if (!plain(w, WHOLE_NUMBER)
        || !plain(h, WHOLE_NUMBER)
        || !plain(q, WHOLE_NUMBER)
        || !plain(t, DECIMAL)) {
      return Optional.empty();
    }
    RenditionQuery query =
        new RenditionQuery(
            w == null ? null : Integer.valueOf(w),
            h == null ? null : Integer.valueOf(h),
            request.getParameter("fit"),
            request.getParameter("format"),
            q == null ? null : Integer.valueOf(q),
            t == null ? null : Double.valueOf(t),
            request.getParameter("preset"));
    return RenditionRules.onGrid(query) ? Optional.of(query) : Optional.empty();
  }

  private static boolean plain(String value, Pattern form) {
    return value == null || form.matcher(value).matches();
  }

  /** The body; a client gone meanwhile ends the response where it is. */
  private static void send(InputStream body, Response response) {
    try (InputStream in = body) {
      OutputStream out = response.getOutputStream();
      byte[] buffer = new byte[BUFFER_BYTES];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
      }
    } catch (IOException e) {
      LOG.debug("Delivery ended early: {}", e.toString());
    }
  }
}
