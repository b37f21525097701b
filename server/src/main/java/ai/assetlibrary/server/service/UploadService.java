package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.EncodedThumbnail;
import ai.assetlibrary.server.media.MediaAnalysis;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.MediaFacts;
import ai.assetlibrary.server.media.MediaRejectedException;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.provider.AssetProvider;
import ai.assetlibrary.server.provider.ProviderException;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.AssetRecords;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.records.IdempotencyKeyRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.upload.FileIngestor;
import ai.assetlibrary.server.upload.Filenames;
import ai.assetlibrary.server.upload.FormConstraints;
import ai.assetlibrary.server.upload.IngestedFile;
import ai.assetlibrary.server.upload.MultipartFormReader;
import ai.assetlibrary.server.upload.UploadForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The rules of {@code POST /v1/assets}: read the form in one pass, decide the destination group,
 * check and measure the file, render its thumbnail, then store bytes and record so that either all
 * of them exist or none does. Uploads into portrait groups are registered with the provider: at
 * once on the legacy route, in the background on the unified route. An upload under an
 * Idempotency-Key the user already used for the same content answers with that earlier asset; the
 * owner's storage quota is checked in the transaction that records the asset.
 */
public final class UploadService {

  static final String FILE_PART = "file";
  static final String NAME_FIELD = "name";
  static final String GROUP_ID_FIELD = "groupId";
  static final String ASSET_GROUP_ID_FIELD = "assetGroupId";
  static final String MODEL_FIELD = "model";
  static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

  private static final String LEGACY_GROUP_PREFIX = GroupService.LEGACY_PREFIX;
  private static final String ACTIVE = "active";
  private static final String PROCESSING = "processing";

  private final RecordStore records;
  private final GroupService groups;
  private final AssetService assets;
  private final AssetFiles files;
  private final BlobStore blobs;
  private final MultipartFormReader formReader;
  private final FormConstraints formConstraints;
  private final FileIngestor ingestor;
  private final AssetProvider provider;
  private final PublicUrls urls;
  private final Runnable registerSoon;
  private final MediaAnalyzer analyzer;
  private final RunCounter finishedUploads;
  private final AssetMetrics metrics;
  private final OptionalLong userQuotaBytes;
  private final Duration idempotencyKeyTtl;
  private final Clock clock;

  public UploadService(
      RecordStore records,
      GroupService groups,
      AssetService assets,
      AssetFiles files,
      BlobStore blobs,
      MultipartFormReader formReader,
      FormConstraints formConstraints,
      FileIngestor ingestor,
      AssetProvider provider,
      PublicUrls urls,
      Runnable registerSoon,
      MediaAnalyzer analyzer,
      RunCounter finishedUploads,
      AssetMetrics metrics,
      OptionalLong userQuotaBytes,
      Duration idempotencyKeyTtl,
      Clock clock) {
    this.records = records;
    this.groups = groups;
    this.assets = assets;
    this.files = files;
    this.blobs = blobs;
    this.formReader = formReader;
    this.formConstraints = formConstraints;
    this.ingestor = ingestor;
    this.provider = provider;
    this.urls = urls;
    this.registerSoon = registerSoon;
    this.analyzer = analyzer;
    this.finishedUploads = finishedUploads;
    this.metrics = metrics;
    this.userQuotaBytes = userQuotaBytes;
    this.idempotencyKeyTtl = idempotencyKeyTtl;
    this.clock = clock;
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
    Optional<String> key = Optional.ofNullable(idempotencyKey);
    try (UploadForm form = formReader.read(contentType, body, FILE_PART, ingestor::ingest)) {
      formConstraints.check(form);
      Optional<IdempotentUpload> idempotent =
          key.flatMap(k -> form.file().map(f -> new IdempotentUpload(k, fingerprint(form, f))));
      Optional<AssetView> earlier = idempotent.flatMap(i -> earlierUpload(caller, i));
      if (earlier.isPresent()) {
        stored = true;
        return new UploadResult(earlier.get(), true);
      }
      UploadTarget target = resolveTarget(caller, form);
      IngestedFile file = checkFile(form, target);
      AcceptedType type = file.acceptedType().orElseThrow();
      MediaAnalysis analysis = analyze(file, type);
      target.model().ifPresent(m -> ModelLimits.check(m, type, file.size(), analysis.facts()));
      String name = displayName(form, file);
      AssetRecord row;
      try {
        row = store(caller, target, name, file, type, analysis, idempotent);
      } catch (KeyClaimedMeanwhile e) {
        // A concurrent request with the same key committed first: answer as its retry.
        AssetView winner = earlierUpload(caller, idempotent.orElseThrow()).orElseThrow();
        stored = true;
        return new UploadResult(winner, true);
      }
      if (target.legacyRoute()) {
        registerWithProvider(row, target.group());
      } else if (target.portrait()) {
        registerSoon.run();
      }
      stored = true;
      metrics.uploadSize(type.family().mediaType(), file.size());
      return new UploadResult(assets.get(caller, row.assetId()), false);
    } finally {
      metrics.upload(stored, System.nanoTime() - started);
      finishedUploads.ran();
    }
  }

  /** An upload sent under an Idempotency-Key, with the digest of what was sent. */
  private record IdempotentUpload(String key, String fingerprint) {}

  /** Another request claimed the same Idempotency-Key between our look-up and our commit. */
  private static final class KeyClaimedMeanwhile extends RuntimeException {
    KeyClaimedMeanwhile() {
      super(null, null, false, false);
    }
  }

  /** A digest of what the request sent: the file's bytes and name, and every form field. */
  private static String fingerprint(UploadForm form, IngestedFile file) {
    MessageDigest digest = Sha256.newDigest();
    Map<String, String> parts = new TreeMap<>(form.fields());
    parts.put("\0file", file.sha256());
    parts.put("\0filename", file.originalFilename() == null ? "" : file.originalFilename());
    parts.forEach(
        (name, value) -> {
          digest.update(name.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          digest.update(value.getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
        });
    return Sha256.hex(digest);
  }

  /**
   * The asset the caller uploaded earlier under the same key, if any and unexpired; 409 when that
   * upload sent something else.
   */
  private Optional<AssetView> earlierUpload(Caller caller, IdempotentUpload upload) {
    Optional<IdempotencyKeyRecord> earlier =
        records.idempotencyKeys().find(caller.userId(), upload.key(), clock.millis());
    if (earlier.isEmpty()) {
      return Optional.empty();
    }
    if (!earlier.get().fingerprint().equals(upload.fingerprint())) {
      throw new LibraryException(
          Failure.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was already used for a different upload.",
          FailureDetails.field(IDEMPOTENCY_KEY_HEADER));
    }
    return Optional.of(assets.get(caller, earlier.get().assetId()));
  }

  /** The destination group, and whether the legacy provider route addressed it. */
  private record UploadTarget(GroupRecord group, boolean legacyRoute, Optional<String> model) {

    boolean portrait() {
      return !AccountService.GENERIC_KIND.equals(group.groupKind());
    }
  }

  /**
   * Decides the destination. The legacy route checks, in this order: the group exists, the caller
   * may upload, it is active, its kind takes uploads, it has a provider group id.
   */
  private UploadTarget resolveTarget(Caller caller, UploadForm form) {
    Optional<String> groupId =
        form.field(GROUP_ID_FIELD).map(String::strip).filter(s -> !s.isEmpty());
    Optional<Long> legacyId = legacyGroupId(form, groupId);
    Optional<String> model = form.field(MODEL_FIELD).map(String::strip).filter(s -> !s.isEmpty());
    if (legacyId.isPresent()) {
      GroupView group = legacyGroup(caller, legacyId.get());
      checkUploadAllowed(group);
      if (!group.group().status().equals(ACTIVE)) {
        throw notActive();
      }
      if (AccountService.GENERIC_KIND.equals(group.group().groupKind())) {
        throw new LibraryException(
            Failure.GROUP_KIND_UNSUPPORTED, "This asset group does not take provider uploads.");
      }
      checkProviderRef(group.group());
      model.ifPresent(m -> checkModel(m, group.group()));
      return new UploadTarget(group.group(), true, model);
    }
    if (model.isPresent() && groupId.isEmpty()) {
      throw new LibraryException(
          Failure.GROUP_REQUIRED, "A group is required when 'model' is given.");
    }
    GroupView group = groups.destination(caller, groupId.orElse(AccountService.LIBRARY_GROUP_ID));
    model.ifPresent(m -> checkModel(m, group.group()));
    checkUploadAllowed(group);
    UploadTarget target = new UploadTarget(group.group(), false, model);
    if (target.portrait()) {
      if (!group.group().status().equals(ACTIVE)) {
        throw notActive();
      }
      checkProviderRef(group.group());
    }
    return target;
  }

  private GroupView legacyGroup(Caller caller, long legacyId) {
    try {
      return groups.destination(caller, GroupService.LEGACY_PREFIX + legacyId);
    } catch (LibraryException e) {
      if (e.failure() == Failure.GROUP_NOT_FOUND) {
        throw new LibraryException(Failure.LEGACY_GROUP_NOT_FOUND, "Asset group not found.");
      }
      throw e;
    }
  }

  private static void checkUploadAllowed(GroupView group) {
    if (!group.allows(Permission.EDIT)) {
      throw new LibraryException(
          Failure.GROUP_ACCESS_DENIED, "You may not upload into this asset group.");
    }
  }

  private static void checkProviderRef(GroupRecord group) {
    if (group.providerGroupId() == null) {
      throw new LibraryException(
          Failure.GROUP_PROVIDER_REF_MISSING, "The asset group has no provider group id.");
    }
  }

  private static LibraryException notActive() {
    return new LibraryException(Failure.GROUP_NOT_ACTIVE, "Asset group is not active");
  }

  /** The legacy provider group id, from {@code assetGroupId} or a {@code legacy_rf_N} group id. */
  private static Optional<Long> legacyGroupId(UploadForm form, Optional<String> groupId) {
    Optional<Long> fromAssetGroupId =
        form.field(ASSET_GROUP_ID_FIELD)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(
                raw -> {
                  try {
                    return Long.parseLong(raw);
                  } catch (NumberFormatException e) {
                    throw LibraryException.invalidField(
                        ASSET_GROUP_ID_FIELD, "'assetGroupId' must be an integer.");
                  }
                });
    Optional<Long> fromGroupId =
        groupId
            .filter(id -> id.startsWith(LEGACY_GROUP_PREFIX))
            .map(id -> parseLegacySuffix(id.substring(LEGACY_GROUP_PREFIX.length())));
    if (fromAssetGroupId.isPresent()
        && fromGroupId.isPresent()
        && !fromAssetGroupId.equals(fromGroupId)) {
      throw LibraryException.invalidField(
          GROUP_ID_FIELD, "'groupId' and 'assetGroupId' name different groups.");
    }
    return fromAssetGroupId.or(() -> fromGroupId);
  }

  private static long parseLegacySuffix(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new LibraryException(Failure.LEGACY_GROUP_NOT_FOUND, "Asset group not found.");
    }
  }

  private static void checkModel(String model, GroupRecord group) {
    if (!ModelLimits.MODELS.contains(model)) {
      throw new LibraryException(
          Failure.MODEL_UNSUPPORTED,
          "Unknown model '" + model + "'; supported: seedance-2.0, seedance-2.0-fast.");
    }
    if (AccountService.GENERIC_KIND.equals(group.groupKind())) {
      throw new LibraryException(
          Failure.MODEL_UNSUPPORTED,
          "Model '" + model + "' only applies to RealFace and Virtual Portrait groups.");
    }
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
    return form.field(NAME_FIELD)
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

  /**
   * Stores bytes, thumbnail and record, all or nothing; in the record's transaction, checks the
   * owner's quota and claims the Idempotency-Key.
   */
  private AssetRecord store(
      Caller caller,
      UploadTarget target,
      String name,
      IngestedFile file,
      AcceptedType type,
      MediaAnalysis analysis,
      Optional<IdempotentUpload> idempotent) {
    GroupRecord group = target.group();
    String assetId =
        target.legacyRoute() ? PublicIds.providerAssetId() : PublicIds.libraryAssetId();
    String keyStem = assetId.substring(3, 5) + "/" + assetId;
    String storageKey = keyStem + "." + type.extension();
    Optional<EncodedThumbnail> thumbnail = analysis.thumbnail();
    String thumbnailKey = thumbnail.map(t -> keyStem + "_thumb." + t.extension()).orElse(null);
    MediaFacts facts = analysis.facts();
    long now = clock.millis();
    AssetRecord row =
        new AssetRecord(
            0,
            assetId,
            group.tenantId(),
            group.ownerUserId(),
            group.id(),
            name == null ? assetId + "." + type.extension() : name,
            target.portrait() ? PROCESSING : ACTIVE,
            "UPLOAD",
            target.legacyRoute() ? "PROVIDER" : "UNIFIED",
            type.family().mediaType(),
            type.family().assetType(),
            type.mimeType(),
            type.extension(),
            file.size(),
            file.sha256(),
            storageKey,
            PublicIds.deliveryToken() + "." + type.extension(),
            file.originalFilename(),
            facts.width(),
            facts.height(),
            facts.durationSeconds(),
            facts.frameRate(),
            thumbnailKey,
            thumbnail.map(t -> PublicIds.deliveryToken() + "." + t.extension()).orElse(null),
            thumbnail.map(EncodedThumbnail::mimeType).orElse(null),
            thumbnail.map(t -> Sha256.hex(t.bytes())).orElse(null),
            group.retentionDays() == null
                ? null
                : now + Duration.ofDays(group.retentionDays()).toMillis(),
            null,
            target.portrait() ? group.providerGroupId() : null,
            null,
            null,
            now,
            now);
    List<String> written = new ArrayList<>();
    try {
      file.commit(storageKey);
      written.add(storageKey);
      if (thumbnail.isPresent()) {
        writeBlob(thumbnailKey, thumbnail.get().bytes());
        written.add(thumbnailKey);
      }
      return records.inTransaction(
          tx -> {
            AssetRecords assetDao = tx.assets();
            checkQuota(tx, group.ownerUserId(), file.size());
            long id = assetDao.insert(row);
            if (idempotent.isPresent()
                && !tx.idempotencyKeys()
                    .claim(
                        caller.userId(),
                        idempotent.get().key(),
                        idempotent.get().fingerprint(),
                        id,
                        now,
                        now + idempotencyKeyTtl.toMillis())) {
              throw new KeyClaimedMeanwhile();
            }
            return assetDao.findById(id).orElseThrow();
          });
    } catch (IOException e) {
      written.forEach(files::remove);
      throw new UncheckedIOException("Storing " + storageKey + " failed", e);
    } catch (RuntimeException e) {
      written.forEach(files::remove);
      throw e;
    }
  }

  /** In the record's transaction {@code tx}: uploads for one owner decide one after the other. */
  private void checkQuota(RecordStore tx, long ownerUserId, long size) {
    if (userQuotaBytes.isEmpty()) {
      return;
    }
    long quota = userQuotaBytes.getAsLong();
    tx.accounts().lockUser(ownerUserId);
    long used = tx.assets().sumSizeOwnedBy(ownerUserId);
    if (used + size > quota) {
      throw new LibraryException(
          Failure.QUOTA_EXCEEDED,
          "This upload of "
              + size
              + " bytes would exceed the storage quota of "
              + quota
              + " bytes ("
              + used
              + " in use).",
          FailureDetails.quota(quota, used));
    }
  }

  /**
   * Registers a stored asset with the provider at once (the legacy route answers with the outcome),
   * which downloads it from its delivery URL. When the provider refuses or cannot be reached, the
   * asset is removed again: nothing is left behind.
   */
  private void registerWithProvider(AssetRecord asset, GroupRecord group) {
    try {
      String providerAssetId =
          provider.createAsset(
              group.providerGroupId(),
              urls.file(asset.deliveryKey()),
              asset.assetType(),
              ProviderReconciler.providerName(asset.name()));
      records.assets().recordProviderAsset(asset.id(), providerAssetId, clock.millis());
    } catch (ProviderException e) {
      records.useTransaction(
          tx -> {
            tx.assets().deleteAll(List.of(asset.id()));
            files.queue(tx, List.of(asset));
          });
      files.removeQueued(List.of(asset));
      throw ProviderFailures.toLibraryException(e);
    }
  }

  private void writeBlob(String key, byte[] bytes) throws IOException {
    try (PendingBlob blob = blobs.create()) {
      blob.write(bytes, 0, bytes.length);
      blob.commit(key);
    }
  }
}
