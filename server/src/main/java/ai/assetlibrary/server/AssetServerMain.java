package ai.assetlibrary.server;

import ai.assetlibrary.api.model.CreateAssetGroupRequest;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The command line: with no arguments it runs the server; {@code keys create} and {@code keys
 * disable} manage API keys in the same data directory, {@code groups import-legacy} records a
 * legacy provider group, and {@code migrate --from DIR} moves an embedded data directory into the
 * shared backend.
 */
public final class AssetServerMain {

  private static final String USAGE =
      """
      Usage:
        java -jar asset-server.jar                       start the server
        java -jar asset-server.jar self-check            start on a scratch directory, probe, stop
        java -jar asset-server.jar keys create --tenant T --user U --user-name NAME
        java -jar asset-server.jar keys disable --key sk-...
        java -jar asset-server.jar groups import-legacy --id N --tenant T --user U \
            --provider-group G --name NAME
        java -jar asset-server.jar migrate --from DIR     copy the embedded data directory DIR
            into the PostgreSQL and S3 backend the ASSETS_* variables configure
      Configuration comes from ASSETS_* environment variables (see README).
      """;

  private static final List<String> SELF_CHECK_PATHS =
      List.of("/healthz", "/readyz", "/metrics", "/openapi.json", "/docs");

  private AssetServerMain() {}

  public static void main(String[] args) throws Exception {
    int status = run(List.of(args), System.getenv(), System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs one command; returns the process exit status (the server command returns at shutdown). */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err)
      throws Exception {
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment(env);
    } catch (IllegalArgumentException e) {
      err.println("Invalid configuration: " + e.getMessage());
      return 2;
    }
    if (args.isEmpty() || args.equals(List.of("serve"))) {
      return serve(config, out, err);
    }
    if (args.equals(List.of("self-check"))) {
      return selfCheck(out, err);
    }
    if (args.size() == 3 && args.get(0).equals("migrate") && args.get(1).equals("--from")) {
      return DataDirectoryMigration.run(Path.of(args.get(2)), config, out, err);
    }
    Optional<Map<String, String>> options =
        args.size() >= 2 ? options(args.subList(2, args.size())) : Optional.empty();
    if (options.isPresent()) {
      try {
        if (args.get(0).equals("keys")) {
          return keys(args.get(1), options.get(), config, out, err);
        }
        if (args.get(0).equals("groups") && args.get(1).equals("import-legacy")) {
          return importLegacyGroup(options.get(), config, out);
        }
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return 2;
      }
    }
    err.print(USAGE);
    return 2;
  }

  private static int serve(ServerConfig config, PrintStream out, PrintStream err) throws Exception {
    AssetServer server;
    try {
      AssetLibrary library = AssetLibrary.opening(config);
      server =
          AssetServer.start(
              library,
              () ->
                  library
                      .apiKeys()
                      .bootstrap(config.bootstrapApiKey())
                      .ifPresent(
                          key ->
                              out.println(
                                  "Created an API key for user 'demo' (tenant 1001, user 5001)."
                                      + " It is shown only once:\n  "
                                      + key)));
    } catch (IllegalStateException e) {
      // The data directory is in use, or the database or bucket could not be reached in time.
      err.println("Cannot start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * Starts a server on a scratch data directory and a free loopback port, asks it what operators
   * and clients ask first, and stops: an install check, and the training run from which the build
   * makes the class-data-sharing archive that halves the start-up.
   */
  private static int selfCheck(PrintStream out, PrintStream err) throws Exception {
    Path scratch = Files.createTempDirectory("asset-server-self-check");
    try {
      ServerConfig config =
          ServerConfig.fromEnvironment(
              Map.of(
                  "ASSETS_DATA_DIR", scratch.toString(),
                  "ASSETS_BIND", "127.0.0.1",
                  "ASSETS_PORT", "0"));
      try (AssetServer server = AssetServer.start(AssetLibrary.opening(config))) {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : SELF_CHECK_PATHS) {
          HttpResponse<Void> response =
              http.send(
                  HttpRequest.newBuilder(server.publicBaseUrl().resolve(path)).build(),
                  HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 200) {
            err.println("Self-check failed: " + path + " answered " + response.statusCode());
            return 1;
          }
        }
      }
      out.println("Self-check passed: " + String.join(", ", SELF_CHECK_PATHS) + " answered 200.");
      return 0;
    } finally {
      try (Stream<Path> files = Files.walk(scratch)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static int keys(
      String command,
      Map<String, String> options,
      ServerConfig config,
      PrintStream out,
      PrintStream err)
      throws Exception {
    switch (command) {
      case "create" -> {
        long tenant = number(options, "--tenant");
        long user = number(options, "--user");
        String name = required(options, "--user-name");
        try (AssetLibrary library = AssetLibrary.forCommand(config)) {
          out.println(library.apiKeys().create(tenant, user, name));
        }
        return 0;
      }
      case "disable" -> {
        boolean disabled;
        try (AssetLibrary library = AssetLibrary.forCommand(config)) {
          disabled = library.apiKeys().disable(required(options, "--key"));
        }
        if (!disabled) {
          err.println("No active key matched.");
          return 1;
        }
        out.println("Disabled.");
        return 0;
      }
      default -> {
        err.print(USAGE);
        return 2;
      }
    }
  }

  private static int importLegacyGroup(
      Map<String, String> options, ServerConfig config, PrintStream out) throws Exception {
    long legacyId = number(options, "--id");
    long tenant = number(options, "--tenant");
    long user = number(options, "--user");
    String providerGroup = required(options, "--provider-group");
    String name = groupName(options);
    try (AssetLibrary library = AssetLibrary.forCommand(config)) {
      library.accounts().ensureUser(tenant, user, "user-" + user);
      var group = library.groups().importLegacy(legacyId, tenant, user, providerGroup, name);
      out.println("Imported " + group.publicId() + " (assetGroupId " + legacyId + ")");
    }
    return 0;
  }

  /** {@code --name}, held to the contract's rules for a group name: the API lists the group. */
  private static String groupName(Map<String, String> options) {
    String name = required(options, "--name");
    try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
      var violations =
          validation.getValidator().validateValue(CreateAssetGroupRequest.class, "name", name);
      if (!violations.isEmpty()) {
        throw new IllegalArgumentException("--name " + violations.iterator().next().getMessage());
      }
    }
    return name;
  }

  private static Optional<Map<String, String>> options(List<String> words) {
    if (words.size() % 2 != 0) {
      return Optional.empty();
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < words.size(); i += 2) {
      if (!words.get(i).startsWith("--")) {
        return Optional.empty();
      }
      options.put(words.get(i), words.get(i + 1));
    }
    return Optional.of(options);
  }

  private static String required(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Missing " + name);
    }
    return value;
  }

  private static long number(Map<String, String> options, String name) {
    String value = required(options, name);
    try {
      long number = Long.parseLong(value);
      if (number <= 0) {
        throw new IllegalArgumentException(name + " must be a positive whole number");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a positive whole number, got " + value);
    }
  }
}
