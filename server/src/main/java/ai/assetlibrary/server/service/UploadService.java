package ai.assetlibrary.server.service;

import ai.assetlibrary.api.model.ErrorDetails;
import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.auth.Caller;
import ai.assetlibrary.server.db.AssetDao;
import ai.assetlibrary.server.db.AssetGroupDao;
import ai.assetlibrary.server.db.AssetGroupRow;
import ai.assetlibrary.server.db.AssetRow;
import ai.assetlibrary.server.errors.ApiException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.EncodedThumbnail;
import ai.assetlibrary.server.media.MediaAnalysis;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.MediaFacts;
import ai.assetlibrary.server.media.MediaRejectedException;
import ai.assetlibrary.server.media.Thumbnailer;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.upload.FileIngestor;
import ai.assetlibrary.server.upload.Filenames;
import ai.assetlibrary.server.upload.IngestedFile;
import ai.assetlibrary.server.upload.MultipartFormReader;
import ai.assetlibrary.server.upload.UploadForm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The rules of {@code POST /v1/assets}: read the form in one pass, decide the destination group,
 * check and measure the file, render its thumbnail, then store bytes and record so that either all
 * of them exist or none does.
 */
public final class UploadService {

  static final String FILE_PART = "file";
  static final String NAME_FIELD = "name";
  static final String GROUP_ID_FIELD = "groupId";
  static final String ASSET_GROUP_ID_FIELD = "assetGroupId";
  static final String MODEL_FIELD = "model";

  private static final String LEGACY_GROUP_PREFIX = "legacy_rf_";
  private static final Set<String> PORTRAIT_MODELS = Set.of("seedance-2.0", "seedance-2.0-fast");
  private static final int MAX_NAME_LENGTH = 255;
  private static final int MAX_ID_LENGTH = 64;

  private final Jdbi jdbi;
  private final GroupService groups;
  private final AssetService assets;
  private final AssetFiles files;
  private final BlobStore blobs;
  private final MultipartFormReader formReader;
  private final FileIngestor ingestor;
  private final MediaAnalyzer analyzer;
  private final Thumbnailer thumbnailer;
  private final UploadActivity activity;
  private final Clock clock;

  public UploadService(
      Jdbi jdbi,
      GroupService groups,
      AssetService assets,
      AssetFiles files,
      BlobStore blobs,
      MultipartFormReader formReader,
      FileIngestor ingestor,
      MediaAnalyzer analyzer,
      Thumbnailer thumbnailer,
      UploadActivity activity,
      Clock clock) {
    this.jdbi = jdbi;
    this.groups = groups;
    this.assets = assets;
    this.files = files;
    this.blobs = blobs;
    this.formReader = formReader;
    this.ingestor = ingestor;
    this.analyzer = analyzer;
    this.thumbnailer = thumbnailer;
    this.activity = activity;
    this.clock = clock;
  }

  /** Uploads the multipart {@code body} for {@code caller} and returns the stored asset. */
  public AssetView upload(Caller caller, String contentType, InputStream body) {
    activity.started();
    try (UploadForm form = formReader.read(contentType, body, FILE_PART, ingestor::ingest)) {
      AssetGroupRow group = resolveGroup(caller, form);
      IngestedFile file = checkFile(form);
      AcceptedType type = file.acceptedType().orElseThrow();
      MediaAnalysis analysis = analyze(file, type);
      String name = displayName(form, file);
      return store(caller, group, name, file, type, analysis);
    } finally {
      activity.finished();
    }
  }

  private AssetGroupRow resolveGroup(Caller caller, UploadForm form) {
    Optional<String> groupId =
        form.field(GROUP_ID_FIELD).map(String::strip).filter(s -> !s.isEmpty());
    Optional<Long> legacyId = legacyGroupId(form, groupId);
    Optional<String> model = form.field(MODEL_FIELD).map(String::strip).filter(s -> !s.isEmpty());
    groupId.ifPresent(id -> checkLength(GROUP_ID_FIELD, id, MAX_ID_LENGTH));
    model.ifPresent(m -> checkLength(MODEL_FIELD, m, MAX_ID_LENGTH));
    if (legacyId.isPresent()) {
      AssetGroupRow group =
          jdbi.onDemand(AssetGroupDao.class)
              .findOwnedLegacy(caller.userId(), legacyId.get())
              .orElseThrow(
                  () ->
                      new ApiException(
                          ServiceCode.ASSET_GROUP_NOT_FOUND, "Asset group not found."));
      throw providerUnavailable(group);
    }
    if (model.isPresent() && groupId.isEmpty()) {
      throw new ApiException(
          ServiceCode.UNIFIED_ASSET_GROUP_REQUIRED, "A group is required when 'model' is given.");
    }
    GroupView group = groups.get(caller, groupId.orElse(AccountService.LIBRARY_GROUP_ID));
    if (model.isPresent()) {
      checkModel(model.get(), group.group());
    }
    if (!group.allows(Permission.EDIT)) {
      throw new ApiException(
          ServiceCode.ASSET_GROUP_ACCESS_DENIED, "You may not upload into this asset group.");
    }
    if (!AccountService.GENERIC_KIND.equals(group.group().groupKind())) {
      throw providerUnavailable(group.group());
    }
    return group.group();
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
                    throw ApiException.invalidField(
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
      throw ApiException.invalidField(
          GROUP_ID_FIELD, "'groupId' and 'assetGroupId' name different groups.");
    }
    return fromAssetGroupId.or(() -> fromGroupId);
  }

  private static long parseLegacySuffix(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new ApiException(ServiceCode.ASSET_GROUP_NOT_FOUND, "Asset group not found.");
    }
  }

  private static void checkModel(String model, AssetGroupRow group) {
    if (!PORTRAIT_MODELS.contains(model)) {
      throw new ApiException(
          ServiceCode.ASSET_MODEL_UNSUPPORTED,
          "Unknown model '" + model + "'; supported: seedance-2.0, seedance-2.0-fast.");
    }
    if (AccountService.GENERIC_KIND.equals(group.groupKind())) {
      throw new ApiException(
          ServiceCode.ASSET_MODEL_UNSUPPORTED,
          "Model '" + model + "' only applies to RealFace and Virtual Portrait groups.");
    }
  }

  private static ApiException providerUnavailable(AssetGroupRow group) {
    return new ApiException(
        ServiceCode.ASSET_PROVIDER_UNAVAILABLE,
        "No asset provider is configured for " + group.groupKind() + " groups.");
  }

  private static IngestedFile checkFile(UploadForm form) {
    IngestedFile file =
        form.file()
            .orElseThrow(
                () ->
                    new ApiException(
                        ServiceCode.UNIFIED_ASSET_FILE_REQUIRED,
                        "The multipart part 'file' is required."));
    if (file.size() == 0) {
      throw new ApiException(ServiceCode.ASSET_FILE_EMPTY, "The uploaded file is empty.");
    }
    if (file.acceptedType().isEmpty()) {
      throw new ApiException(
          ServiceCode.ASSET_FILE_TYPE_UNSUPPORTED,
          "Files of type " + file.detectedMimeType() + " are not accepted.",
          new ErrorDetails().detectedType(file.detectedMimeType()));
    }
    return file;
  }

  private static String displayName(UploadForm form, IngestedFile file) {
    Optional<String> name =
        form.field(NAME_FIELD).map(Filenames::withoutInvisibles).map(String::strip);
    name.ifPresent(n -> checkLength(NAME_FIELD, n, MAX_NAME_LENGTH));
    return name.filter(n -> !n.isEmpty()).orElse(file.originalFilename());
  }

  private static void checkLength(String field, String value, int max) {
    if (value.length() > max) {
      throw ApiException.invalidField(
          field, "'" + field + "' is longer than " + max + " characters.");
    }
  }

  private MediaAnalysis analyze(IngestedFile file, AcceptedType type) {
    try {
      return analyzer.analyze(file.localFile(), type);
    } catch (MediaRejectedException e) {
      throw switch (e.reason()) {
        case CORRUPT -> new ApiException(ServiceCode.ASSET_FILE_CORRUPT, e.getMessage());
        case TOO_MANY_PIXELS ->
            new ApiException(
                ServiceCode.ASSET_IMAGE_TOO_LARGE,
                e.getMessage(),
                new ErrorDetails().limitPixels(analyzer.maxPixels()));
      };
    }
  }

  private AssetView store(
      Caller caller,
      AssetGroupRow group,
      String name,
      IngestedFile file,
      AcceptedType type,
      MediaAnalysis analysis) {
    String assetId = PublicIds.libraryAssetId();
    String keyStem = assetId.substring(3, 5) + "/" + assetId;
    String storageKey = keyStem + "." + type.extension();
    Optional<EncodedThumbnail> thumbnail = analysis.picture().flatMap(thumbnailer::render);
    String thumbnailKey = thumbnail.map(t -> keyStem + "_thumb." + t.extension()).orElse(null);
    MediaFacts facts = analysis.facts();
    long now = clock.millis();
    AssetRow row =
        new AssetRow(
            0,
            assetId,
            group.tenantId(),
            group.ownerUserId(),
            group.id(),
            name == null ? assetId + "." + type.extension() : name,
            "active",
            "UPLOAD",
            "UNIFIED",
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
      jdbi.onDemand(AssetDao.class).insert(row);
    } catch (IOException e) {
      written.forEach(files::remove);
      throw new UncheckedIOException("Storing " + storageKey + " failed", e);
    } catch (RuntimeException e) {
      written.forEach(files::remove);
      throw e;
    }
    return assets.get(caller, assetId);
  }

  private void writeBlob(String key, byte[] bytes) throws IOException {
    try (PendingBlob blob = blobs.create()) {
      blob.write(bytes, 0, bytes.length);
      blob.commit(key);
    }
  }
}
