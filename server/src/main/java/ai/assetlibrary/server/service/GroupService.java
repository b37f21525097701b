package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.provider.AssetProvider;
import ai.assetlibrary.server.provider.ProviderException;
import ai.assetlibrary.server.provider.ValidationSession;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.AssetRecords;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.ShareRecords;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Creating, reading, changing and deleting asset groups, as the caller may. */
public final class GroupService {

  static final String VIRTUAL_PORTRAIT = "VIRTUAL_PORTRAIT";
  static final String REAL_FACE = "REAL_FACE";

  /** Public ids of imported legacy RealFace groups: this prefix and the legacy integer id. */
  public static final String LEGACY_PREFIX = "legacy_rf_";

  private final RecordStore records;
  private final AssetFiles files;

  /** How long the provider's verification page lives. */
  static final Duration VERIFICATION_LINK_LIFETIME = Duration.ofSeconds(120);

  static final String PENDING_VALIDATION = "pending_validation";

  private final AssetProvider provider;
  private final PublicUrls urls;
  private final Clock clock;

  public GroupService(
      RecordStore records, AssetFiles files, AssetProvider provider, PublicUrls urls, Clock clock) {
    this.records = records;
    this.files = files;
    this.provider = provider;
    this.urls = urls;
    this.clock = clock;
  }

  /** A group visible to the caller by public id ({@code library}: their own default group). */
  public GroupView get(Caller caller, String groupId) {
    return records
        .groups()
        .findVisible(caller.tenantId(), caller.userId(), clock.millis(), groupId)
        .map(row -> GroupView.of(row, caller.userId()))
        .orElseThrow(GroupService::notFound);
  }

  /**
   * The group an upload goes into, as {@link #get} finds it but without counting its assets (its
   * {@code assetCount} is 0), so an upload costs the same however full the group is.
   */
  public GroupView destination(Caller caller, String groupId) {
    return records
        .groups()
        .findVisibleUncounted(caller.tenantId(), caller.userId(), clock.millis(), groupId)
        .map(row -> GroupView.of(row, caller.userId()))
        .orElseThrow(GroupService::notFound);
  }

  /**
   * Creates a group. A Virtual Portrait group is created at the provider first; a RealFace group
   * starts a verification session and waits, pending, until the provider confirms it.
   */
  public GroupView create(Caller caller, GroupChanges request) {
    String name = DisplayNames.clean(request.name());
    String kind = request.groupKind();
    String description = request.description();
    Integer retention = request.retentionDays();
    if (!AccountService.GENERIC_KIND.equals(kind) && retention != null) {
      throw LibraryException.invalidField(
          "retentionDays", "Portrait groups keep their assets: 'retentionDays' does not apply.");
    }
    String providerGroupId = null;
    String status = "active";
    String callbackToken = null;
    ValidationSession session = null;
    try {
      if (VIRTUAL_PORTRAIT.equals(kind)) {
        providerGroupId = provider.createAssetGroup(name, description);
      } else if (REAL_FACE.equals(kind)) {
        callbackToken = PublicIds.deliveryToken();
        session = provider.createValidationSession(urls.verificationCallback(callbackToken));
        status = PENDING_VALIDATION;
      }
    } catch (ProviderException e) {
      throw ProviderFailures.toLibraryException(e);
    }
    long now = clock.millis();
    String publicId = PublicIds.groupId();
    GroupRecord row =
        new GroupRecord(
            0,
            publicId,
            caller.tenantId(),
            caller.userId(),
            name,
            kind,
            status,
            false,
            null,
            providerGroupId,
            description,
            retention,
            session == null ? null : session.bytedToken(),
            callbackToken,
            session == null ? null : session.h5Link(),
            session == null ? null : now + VERIFICATION_LINK_LIFETIME.toMillis(),
            now,
            now);
    records.groups().insert(row);
    return get(caller, publicId);
  }

  /**
   * Records an existing provider RealFace group for a user, addressed as {@code assetGroupId=N} or
   * {@code groupId=legacy_rf_N}; refuses an id that is already taken.
   */
  public GroupRecord importLegacy(
      long legacyId, long tenantId, long ownerUserId, String providerGroupId, String name) {
    String publicId = LEGACY_PREFIX + legacyId;
    long now = clock.millis();
    GroupRecord row =
        new GroupRecord(
            0,
            publicId,
            tenantId,
            ownerUserId,
            DisplayNames.clean(name),
            REAL_FACE,
            "active",
            false,
            legacyId,
            providerGroupId,
            null,
            null,
            null,
            null,
            null,
            null,
            now,
            now);
    if (records.groups().findByLegacyId(legacyId).isPresent()) {
      throw new IllegalArgumentException("Legacy group " + legacyId + " already exists");
    }
    records.groups().insert(row);
    return records.groups().findOwned(ownerUserId, publicId).orElseThrow();
  }

  /** Changes name, description or retention; needs ownership or EDIT. */
  public GroupView update(Caller caller, String groupId, GroupChanges changes) {
    GroupView view = get(caller, groupId);
    if (!view.allows(Permission.EDIT)) {
      throw denied();
    }
    GroupRecord group = view.group();
    String name = changes.name() == null ? group.name() : DisplayNames.clean(changes.name());
    String description =
        changes.description() == null ? group.description() : emptyToNull(changes.description());
    Integer retention = group.retentionDays();
    if (changes.retentionDays() != null) {
      int days = changes.retentionDays();
      if (days > 0 && !AccountService.GENERIC_KIND.equals(group.groupKind())) {
        throw LibraryException.invalidField(
            "retentionDays", "Portrait groups keep their assets: 'retentionDays' does not apply.");
      }
      retention = days == 0 ? null : days;
    }
    records
        .groups()
        .update(
            new GroupRecord(
                group.id(),
                group.publicId(),
                group.tenantId(),
                group.ownerUserId(),
                name,
                group.groupKind(),
                group.status(),
                group.isDefault(),
                group.legacyId(),
                group.providerGroupId(),
                description,
                retention,
                group.bytedToken(),
                group.callbackToken(),
                group.h5Link(),
                group.h5LinkExpiresAt(),
                group.createdAt(),
                clock.millis()));
    return get(caller, groupId);
  }

  /**
   * Starts a new verification session for a RealFace group still awaiting verification; needs
   * ownership.
   */
  public GroupView refreshVerification(Caller caller, String groupId) {
    GroupRecord group = requireOwned(caller, groupId).group();
    if (!REAL_FACE.equals(group.groupKind()) || !PENDING_VALIDATION.equals(group.status())) {
      throw new LibraryException(
          Failure.GROUP_NOT_PENDING,
          "Only a RealFace group awaiting verification has a verification link.");
    }
    ValidationSession session;
    try {
      session = provider.createValidationSession(urls.verificationCallback(group.callbackToken()));
    } catch (ProviderException e) {
      throw ProviderFailures.toLibraryException(e);
    }
    long now = clock.millis();
    records
        .groups()
        .updateVerification(
            group.id(),
            session.bytedToken(),
            session.h5Link(),
            now + VERIFICATION_LINK_LIFETIME.toMillis(),
            now);
    return get(caller, groupId);
  }

  /**
   * Deletes the group with every asset in it, bytes included, and queues the deletes at the
   * provider; needs ownership or EDIT.
   */
  public void delete(Caller caller, String groupId) {
    GroupView view = get(caller, groupId);
    if (!view.allows(Permission.EDIT)) {
      throw denied();
    }
    GroupRecord group = view.group();
    if (group.isDefault()) {
      throw new LibraryException(
          Failure.DEFAULT_GROUP_PROTECTED, "The default library group cannot be deleted.");
    }
    files.deleteWithBlobs(
        tx -> {
          AssetRecords assets = tx.assets();
          ShareRecords shares = tx.shares();
          List<AssetRecord> inGroup = assets.findInGroup(group.id());
          List<Long> ids = inGroup.stream().map(AssetRecord::id).toList();
          if (!ids.isEmpty()) {
            shares.deleteAllOf(ShareService.ASSET, ids);
            tx.providerDeletions().enqueueAssets(ids, clock.millis());
            assets.deleteAll(ids);
          }
          shares.deleteAllOf(ShareService.GROUP, List.of(group.id()));
          tx.groups().delete(group.id());
          if (group.providerGroupId() != null) {
            tx.providerDeletions()
                .enqueue(ShareService.GROUP, group.providerGroupId(), clock.millis());
          }
          return inGroup;
        });
  }

  /** The group, when the caller owns it; 403 when they only see it, 404 when they do not. */
  GroupView requireOwned(Caller caller, String groupId) {
    GroupView view = get(caller, groupId);
    if (!view.owned()) {
      throw denied();
    }
    return view;
  }

  static LibraryException notFound() {
    return new LibraryException(Failure.GROUP_NOT_FOUND, "Asset group not found.");
  }

  static LibraryException denied() {
    return new LibraryException(
        Failure.GROUP_ACCESS_DENIED, "Your access to this asset group does not allow this.");
  }

  private static String emptyToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }
}
