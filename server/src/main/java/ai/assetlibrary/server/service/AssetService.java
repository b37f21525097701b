package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.AssetFilter;
import ai.assetlibrary.server.records.AssetPage;
import ai.assetlibrary.server.records.RecordStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Reading, listing, renaming and deleting assets, as the caller may. */
public final class AssetService {

  private final RecordStore records;
  private final GroupService groups;
  private final AssetFiles files;
  private final ListCursors cursors;
  private final Clock clock;

  public AssetService(
      RecordStore records,
      GroupService groups,
      AssetFiles files,
      ListCursors cursors,
      Clock clock) {
    this.records = records;
    this.groups = groups;
    this.files = files;
    this.cursors = cursors;
    this.clock = clock;
  }

  /** The asset as the caller sees it; 404 when it is not visible to them. */
  public AssetView get(Caller caller, String assetId) {
    return records
        .assets()
        .findVisible(caller.tenantId(), caller.userId(), clock.millis(), assetId)
        .map(row -> AssetView.of(row, caller.userId()))
        .orElseThrow(AssetService::notFound);
  }

  /**
   * The assets visible to the caller, newest first: the page {@code current}, or the one {@code
   * cursor} points at.
   */
  public Page<AssetView> list(Caller caller, AssetQuery query) {
    Long groupId =
        query.groupId() == null ? null : groups.get(caller, query.groupId()).group().id();
    String keyword = Keywords.normalise(query.keyword());
    // A family ("image") or a full type ("image/png"); the contract's pattern admits nothing else.
    boolean fullType = query.mediaType() != null && query.mediaType().indexOf('/') >= 0;
    List<String> binding =
        Arrays.asList(
            "assets",
            String.valueOf(query.size()),
            query.groupId(),
            keyword,
            query.mediaType(),
            query.assetKind(),
            query.status(),
            String.valueOf(query.ownedOnly()),
            Keywords.normalise(query.createdBy()));
    ListCursors.Position after =
        query.cursor() == null ? null : cursors.open(caller, binding, query.cursor());
    int current = after == null ? query.current() : after.page();
    AssetFilter filter =
        new AssetFilter(
            caller.tenantId(),
            caller.userId(),
            clock.millis(),
            groupId,
            keyword,
            Keywords.containsPattern(keyword),
            fullType ? null : query.mediaType(),
            fullType ? query.mediaType() : null,
            query.assetKind(),
            query.status(),
            query.ownedOnly(),
            Keywords.normalise(query.createdBy()),
            query.size() + 1,
            after == null ? Page.offset(current, query.size()) : 0,
            after == null ? null : after.createdAt(),
            after == null ? null : after.id());
    AssetPage page = records.assets().listVisible(filter);
    Page<AssetView> listed =
        cursors.page(
            caller,
            binding,
            current,
            query.size(),
            page.rows(),
            page.total(),
            row -> new ListCursors.Position(0, false, row.asset().createdAt(), row.asset().id()),
            row -> AssetView.of(row, caller.userId()));
    return page.totalExact() ? listed : listed.withTotalAsLowerBound();
  }

  /** Renames the asset; needs ownership or EDIT. */
  public AssetView rename(Caller caller, String assetId, String name) {
    String clean = DisplayNames.clean(name);
    AssetView asset = requireEdit(caller, assetId);
    records.assets().rename(asset.asset().id(), clean, clock.millis());
    return get(caller, assetId);
  }

  /**
   * Deletes the asset, its shares and its bytes, and queues its delete at the provider; needs
   * ownership or EDIT.
   */
  public void delete(Caller caller, String assetId) {
    AssetView asset = requireEdit(caller, assetId);
    List<Long> ids = List.of(asset.asset().id());
    files.deleteWithBlobs(
        tx -> {
          tx.shares().deleteAllOf(ShareService.ASSET, ids);
          tx.providerDeletions().enqueueAssets(ids, clock.millis());
          tx.assets().deleteAll(ids);
          return List.of(asset.asset());
        });
  }

  /** The asset, when the caller owns it; 403 when they only see it, 404 when they do not. */
  AssetView requireOwned(Caller caller, String assetId) {
    AssetView asset = get(caller, assetId);
    if (asset.grant().isPresent()) {
      throw denied();
    }
    return asset;
  }

  private AssetView requireEdit(Caller caller, String assetId) {
    AssetView asset = get(caller, assetId);
    if (!asset.allows(Permission.EDIT)) {
      throw denied();
    }
    return asset;
  }

  static LibraryException notFound() {
    return new LibraryException(Failure.ASSET_NOT_FOUND, "Asset not found.");
  }

  private static LibraryException denied() {
    return new LibraryException(
        Failure.ASSET_ACCESS_DENIED, "Your access to this asset does not allow this.");
  }
}
