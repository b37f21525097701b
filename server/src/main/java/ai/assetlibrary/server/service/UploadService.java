package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.MediaAnalysis;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.MediaRejectedException;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.service.IdempotentUploads.IdempotentUpload;
import ai.assetlibrary.server.service.IdempotentUploads.KeyClaimedMeanwhile;
import ai.assetlibrary.server.upload.Filenames;
import ai.assetlibrary.server.upload.IngestedFile;
import ai.assetlibrary.server.upload.UploadForm;
import ai.assetlibrary.server.upload.UploadIntake;
import java.io.InputStream;
import java.util.Optional;

/**
 * The rules of {@code POST /v1/assets}, step by step: read the form in one pass, answer a retry
 * with its earlier asset, decide the destination group, check and measure the file, commit bytes
 * and record together, and register uploads into portrait groups with the provider.
 */
public final class UploadService {

  private final UploadIntake intake;
  private final IdempotentUploads idempotency;
  private final UploadTargets targets;
  private final MediaAnalyzer analyzer;
  private final UploadCommit commit;
  private final ProviderRegistration registration;
  private final AssetService assets;
  private final AssetMetrics metrics;
  private final RunCounter finished = new RunCounter();

  public UploadService(
      UploadIntake intake,
      IdempotentUploads idempotency,
      UploadTargets targets,
      MediaAnalyzer analyzer,
      UploadCommit commit,
      ProviderRegistration registration,
      AssetService assets,
      AssetMetrics metrics) {
    this.intake = intake;
    this.idempotency = idempotency;
    this.targets = targets;
    this.analyzer = analyzer;
    this.commit = commit;
    this.registration = registration;
    this.assets = assets;
    this.metrics = metrics;
  }

  /** What an upload answers: the asset, and whether it is an earlier upload's (a retry). */
  public record UploadResult(AssetView asset, boolean replayed) {}

  /**
   * Uploads the multipart {@code body} for {@code caller} and returns the stored asset, or the
   * asset stored earlier under the same {@code idempotencyKey} (the header, possibly null, already
   * held to the contract's form for it).
   */
  public UploadResult upload(
      Caller caller, String contentType, String idempotencyKey, InputStream body) {
    long started = System.nanoTime();
    boolean stored = false;
    try (UploadForm form = intake.read(contentType, body)) {
      Optional<IdempotentUpload> idempotent =
          idempotency.of(Optional.ofNullable(idempotencyKey), form);
      Optional<AssetView> earlier = idempotent.flatMap(i -> idempotency.earlier(caller, i));
      if (earlier.isPresent()) {
        stored = true;
        return new UploadResult(earlier.get(), true);
      }
      UploadResult result = store(caller, form, idempotent, CommitStep.NONE);
      stored = true;
      return result;
    } finally {
      metrics.upload(stored, System.nanoTime() - started);
      finished.ran();
    }
  }

  /**
   * Stores the file of a {@code form} whose bytes have all arrived (a multipart upload's, or a
   * resumable upload's): decides the destination, checks and measures the file, commits bytes and
   * record together with {@code alsoInTransaction}, and registers it with the provider where the
   * group needs it.
   */
  UploadResult store(
      Caller caller,
      UploadForm form,
      Optional<IdempotentUpload> idempotent,
      CommitStep alsoInTransaction) {
    UploadTarget target = targets.resolve(caller, form);
    IngestedFile file = checkFile(form, target);
    AcceptedType type = file.acceptedType().orElseThrow();
    MediaAnalysis analysis = analyze(file, type);
    target.model().ifPresent(m -> ModelLimits.check(m, type, file.size(), analysis.facts()));
    AssetRecord row;
    try {
      row =
          commit.store(
              caller,
              target,
              displayName(form, file),
              file,
              type,
              analysis,
              idempotent,
              alsoInTransaction);
    } catch (KeyClaimedMeanwhile e) {
      // A concurrent request with the same key committed first: answer as its retry.
      return new UploadResult(idempotency.earlier(caller, idempotent.get()).orElseThrow(), true);
    }
    AssetView uploaded;
    if (target.legacyRoute()) {
      registration.now(row, target.group());
      // The provider's answer has changed the row: read it as it is now.
      uploaded = assets.get(caller, row.assetId());
    } else {
      if (target.portrait()) {
        registration.soon();
      }
      uploaded = AssetView.uploaded(row, target.destination());
    }
    metrics.uploadSize(type.family().mediaType(), file.size());
    return new UploadResult(uploaded, false);
  }

  /** Uploads answered so far, refused ones included: to wait for in tests. */
  public RunCounter finishedUploads() {
    return finished;
  }

  private static IngestedFile checkFile(UploadForm form, UploadTarget target) {
    IngestedFile file =
        form.file()
            .orElseThrow(
                () ->
                    new LibraryException(
                        target.legacyRoute() ? Failure.LEGACY_FILE_REQUIRED : Failure.FILE_REQUIRED,
                        "The multipart part 'file' is required."));
    if (file.size() == 0) {
      throw new LibraryException(Failure.FILE_EMPTY, "The uploaded file is empty.");
    }
    if (file.acceptedType().isEmpty()) {
      throw new LibraryException(
          Failure.FILE_TYPE_UNSUPPORTED,
          "Files of type " + file.detectedMimeType() + " are not accepted.",
          FailureDetails.detectedType(file.detectedMimeType()));
    }
    return file;
  }

  private static String displayName(UploadForm form, IngestedFile file) {
    return form.field(UploadFields.NAME)
        .map(Filenames::withoutInvisibles)
        .map(String::strip)
        .filter(n -> !n.isEmpty())
        .orElse(file.originalFilename());
  }

  private MediaAnalysis analyze(IngestedFile file, AcceptedType type) {
    try {
      return analyzer.analyze(file.stagingFile(), type);
    } catch (MediaRejectedException e) {
      throw switch (e.reason()) {
        case CORRUPT -> new LibraryException(Failure.FILE_CORRUPT, e.getMessage());
        case TOO_MANY_PIXELS ->
            new LibraryException(
                Failure.IMAGE_TOO_LARGE,
                e.getMessage(),
                FailureDetails.limitPixels(analyzer.maxPixels()));
      };
    }
  }
}
