package ai.assetlibrary.server;

import ai.assetlibrary.server.auth.ApiKeyAuthFeature;
import ai.assetlibrary.server.auth.ApiKeyFilter;
import ai.assetlibrary.server.errors.ConstraintViolationMapper;
import ai.assetlibrary.server.errors.JsonExceptionMapper;
import ai.assetlibrary.server.errors.LibraryExceptionMapper;
import ai.assetlibrary.server.errors.UnexpectedExceptionMapper;
import ai.assetlibrary.server.errors.WebApplicationExceptionMapper;
import ai.assetlibrary.server.http.AcknowledgeChunkedExpectations;
import ai.assetlibrary.server.http.ApiVersionHeader;
import ai.assetlibrary.server.http.IgnoreProtocolUpgrades;
import ai.assetlibrary.server.http.ObjectMapperResolver;
import ai.assetlibrary.server.http.RequestLog;
import ai.assetlibrary.server.http.RequestLogFilter;
import ai.assetlibrary.server.http.RequestSizeFilter;
import ai.assetlibrary.server.http.ResumableUploadHeaders;
import ai.assetlibrary.server.http.UploadMethodOverride;
import ai.assetlibrary.server.http.ValidationSettings;
import ai.assetlibrary.server.resources.AssetGroupsResource;
import ai.assetlibrary.server.resources.AssetMapper;
import ai.assetlibrary.server.resources.AssetsResource;
import ai.assetlibrary.server.resources.ConsoleResource;
import ai.assetlibrary.server.resources.DeliveryResource;
import ai.assetlibrary.server.resources.OperationsResource;
import ai.assetlibrary.server.resources.ProviderCallbacksResource;
import ai.assetlibrary.server.resources.ReferenceResource;
import ai.assetlibrary.server.resources.StoredContentHandler;
import ai.assetlibrary.server.resources.UploadsResource;
import ai.assetlibrary.server.service.Readiness;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The running HTTP server: Grizzly with the Jersey application on top of an {@link AssetLibrary},
 * and stored content served ahead of it.
 */
public final class AssetServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AssetServer.class);
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
  private static final int MIN_WORKERS = 16;
  private static final int MAX_WORKERS = 128;

  private final AssetLibrary library;
  private final HttpServer http;
  private final int port;
  private final URI publicBaseUrl;

  private AssetServer(AssetLibrary library, HttpServer http, int port, URI publicBaseUrl) {
    this.library = library;
    this.http = http;
    this.port = port;
    this.publicBaseUrl = publicBaseUrl;
  }

  /** Binds the port, then serves the application; returns once requests are accepted. */
  public static AssetServer start(AssetLibrary library) throws IOException {
    return start(library, () -> {});
  }

  /**
   * The same, running {@code beforeServing} once the library is ready and before the first request.
   * The application is built while the library's database still migrates.
   */
  public static AssetServer start(AssetLibrary library, Runnable beforeServing) throws IOException {
    routeJavaLoggingToSlf4j();
    ServerConfig config = library.config();
    HttpServer http = new HttpServer();
    NetworkListener listener = new NetworkListener("assets", config.bind(), config.port());
    listener
        .getTransport()
        .setWorkerThreadPoolConfig(
            ThreadPoolConfig.defaultConfig()
                .setPoolName("assets-worker")
                .setCorePoolSize(MIN_WORKERS)
                .setMaxPoolSize(MAX_WORKERS));
    listener.registerAddOn(new IgnoreProtocolUpgrades());
    listener.registerAddOn(new AcknowledgeChunkedExpectations());
    listener.getTransport().setReadTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
    http.addListener(listener);
    http.getServerConfiguration().setDefaultQueryEncoding(StandardCharsets.UTF_8);
    http.start();

    int port = listener.getPort();
    URI base = config.publicBaseUrl().orElseGet(() -> derivedBaseUrl(config.bind(), port));
    library.urls().bind(base);
    try {
      String contractVersion = ApiVersionHeader.builtVersion();
      GrizzlyHttpContainer container =
          ContainerFactory.createContainer(
              GrizzlyHttpContainer.class, application(library, contractVersion));
      library.awaitReady();
      beforeServing.run();
      http.getServerConfiguration()
          .addHttpHandler(
              new StoredContentHandler(
                  container,
                  library.deliveries(),
                  new RequestLog(library.metrics()),
                  contractVersion));
    } catch (RuntimeException e) {
      // A failed migration or bootstrap must not leave the port bound and the process running.
      http.shutdownNow();
      throw e;
    }
    LOG.info("Serving on {}:{} (public base URL {})", config.bind(), port, base);
    return new AssetServer(library, http, port, base);
  }

  /** Grizzly and Jersey log through java.util.logging; send it where the rest goes. */
  private static synchronized void routeJavaLoggingToSlf4j() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  private static ResourceConfig application(AssetLibrary library, String contractVersion) {
    ApiKeyFilter apiKeyFilter = new ApiKeyFilter(library.apiKeys(), library.rateLimiter());
    return new ResourceConfig()
        .register(
            new UploadsResource(
                library.resumableUploads(),
                new AssetMapper(library.urls()),
                library.config().publicBaseUrl(),
                library.config().maxUploadBytes()))
        .register(
            new AssetsResource(
                library.uploads(),
                library.assets(),
                library.shares(),
                new AssetMapper(library.urls())))
        .register(
            new AssetGroupsResource(library.groups(), library.groupListing(), library.shares()))
        .register(new DeliveryResource(library.deliveries()))
        .register(new ProviderCallbacksResource(library.reconciler()))
        .register(
            new OperationsResource(
                new Readiness(library.records(), library.blobs()),
                library.metrics(),
                contractVersion))
        .register(new ReferenceResource())
        .register(new ConsoleResource())
        .register(new ApiKeyAuthFeature(apiKeyFilter))
        .register(
            new RequestSizeFilter(
                library.formReader().maxBodyBytes(), library.config().maxUploadBytes()))
        .register(new RequestLogFilter(library.metrics()))
        .register(new ApiVersionHeader(contractVersion))
        .register(ResumableUploadHeaders.class)
        .register(UploadMethodOverride.class)
        .register(JacksonFeature.withoutExceptionMappers())
        .register(ObjectMapperResolver.class)
        .register(ValidationSettings.class)
        .register(LibraryExceptionMapper.class)
        .register(ConstraintViolationMapper.class)
        .register(WebApplicationExceptionMapper.class)
        .register(JsonExceptionMapper.class)
        .register(UnexpectedExceptionMapper.class)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true);
  }

  private static URI derivedBaseUrl(String bind, int port) {
    String host = bind;
    try {
      InetAddress address = InetAddress.getByName(bind);
      if (address.isAnyLocalAddress()) {
        host = InetAddress.getLoopbackAddress().getHostAddress();
      } else if (address instanceof Inet6Address) {
        host = "[" + address.getHostAddress() + "]";
      }
    } catch (UnknownHostException e) {
      // Not an address: a host name, used as it is.
    }
    return URI.create("http://" + host + ":" + port);
  }

  public AssetLibrary library() {
    return library;
  }

  /** The port actually bound (useful when the configuration asked for 0). */
  public int port() {
    return port;
  }

  public URI publicBaseUrl() {
    return publicBaseUrl;
  }

  /** Stops accepting requests, lets running ones finish (up to a grace period), then stops. */
  @Override
  public void close() {
    try {
      http.shutdown(SHUTDOWN_GRACE.toSeconds(), TimeUnit.SECONDS).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      http.shutdownNow();
    } catch (ExecutionException e) {
      LOG.warn("Graceful shutdown failed", e);
      http.shutdownNow();
    } finally {
      library.close();
    }
  }
}
