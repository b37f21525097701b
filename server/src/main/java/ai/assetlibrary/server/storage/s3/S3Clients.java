package ai.assetlibrary.server.storage.s3;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 client the server talks to its bucket with. */
public final class S3Clients {

  private static final int MAX_CONNECTIONS = 128;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

  private S3Clients() {}

  /**
   * A client for AWS ({@code endpoint} empty) or any S3-compatible server. Connection failures, 5xx
   * answers and throttling ({@code SlowDown}) are retried with backoff by the SDK's standard retry
   * strategy. Checksums are only sent where S3 requires them: the server keeps a SHA-256 of every
   * object itself, and S3-compatible servers do not all take the newer checksum headers.
   */
  public static S3Client create(
      Optional<URI> endpoint,
      String region,
      Optional<String> accessKey,
      Optional<String> secretKey,
      boolean pathStyle) {
    AwsCredentialsProvider credentials =
        accessKey.isPresent() && secretKey.isPresent()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
            : DefaultCredentialsProvider.builder().build();
    var builder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials)
            .forcePathStyle(pathStyle)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .httpClientBuilder(
                ApacheHttpClient.builder()
                    .maxConnections(MAX_CONNECTIONS)
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT));
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
