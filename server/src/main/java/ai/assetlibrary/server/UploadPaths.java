package ai.assetlibrary.server;

import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.provider.AssetProvider;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.service.AssetFiles;
import ai.assetlibrary.server.service.AssetService;
import ai.assetlibrary.server.service.GroupService;
import ai.assetlibrary.server.service.IdempotentUploads;
import ai.assetlibrary.server.service.ProviderRegistration;
import ai.assetlibrary.server.service.PublicUrls;
import ai.assetlibrary.server.service.ResumableUploads;
import ai.assetlibrary.server.service.UploadCommit;
import ai.assetlibrary.server.service.UploadService;
import ai.assetlibrary.server.service.UploadTargets;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.upload.FileIngestor;
import ai.assetlibrary.server.upload.FormConstraints;
import ai.assetlibrary.server.upload.MultipartFormReader;
import ai.assetlibrary.server.upload.UploadIntake;
import jakarta.validation.Validator;
import java.time.Clock;

/**
 * The two ways a file comes into the library, wired over one backend: the multipart upload and the
 * resumable one, which share the checks, the commit and the provider's registration.
 */
final class UploadPaths {

  private final MultipartFormReader formReader;
  private final UploadService uploads;
  private final ResumableUploads resumableUploads;

  /**
   * @param reconcileSoon asks for a provider reconciliation round soon, when a registration could
   *     not finish
   */
  UploadPaths(
      ServerConfig config,
      LibraryBackend backend,
      GroupService groups,
      AssetService assets,
      AssetFiles files,
      MediaAnalyzer mediaAnalyzer,
      AssetProvider provider,
      PublicUrls urls,
      AssetMetrics metrics,
      Validator validator,
      Runnable reconcileSoon,
      Clock clock) {
    RecordStore records = backend.database().records();
    BlobStore blobs = backend.blobs();
    this.formReader = new MultipartFormReader(config.maxUploadBytes());
    MediaTypeDetector detector = new MediaTypeDetector();
    FileIngestor ingestor = new FileIngestor(blobs, detector, config.maxUploadBytes());
    FormConstraints constraints = new FormConstraints(validator);
    UploadTargets targets = new UploadTargets(groups);
    IdempotentUploads idempotency =
        new IdempotentUploads(records, assets, config.limits().idempotencyKeyTtl(), clock);
    UploadCommit commit =
        new UploadCommit(
            records, blobs, files, idempotency, config.limits().userQuotaBytes(), clock);
    this.uploads =
        new UploadService(
            new UploadIntake(formReader, constraints, ingestor),
            idempotency,
            targets,
            mediaAnalyzer,
            commit,
            new ProviderRegistration(provider, urls, records, files, reconcileSoon, clock),
            assets,
            metrics);
    this.resumableUploads =
        new ResumableUploads(
            records,
            backend.uploadSpool(),
            detector,
            constraints,
            targets,
            commit,
            uploads,
            assets,
            config.resumable(),
            config.maxUploadBytes(),
            metrics,
            clock);
  }

  MultipartFormReader formReader() {
    return formReader;
  }

  UploadService uploads() {
    return uploads;
  }

  ResumableUploads resumableUploads() {
    return resumableUploads;
  }
}
