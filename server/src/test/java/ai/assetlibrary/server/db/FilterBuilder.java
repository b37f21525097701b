package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AssetFilter;

/** An {@link AssetFilter} with nothing filtered and a page of 100, changed step by step. */
final class FilterBuilder {
  private final long tenantId;
  private final long userId;
  private final long now;
  private Long groupId;
  private String keyword;
  private String namePattern;
  private String family;
  private String mimeType;
  private String status;
  private boolean ownedOnly;
  private String createdBy;
  private int limit = 100;
  private long offset;
  private Long afterCreatedAt;
  private Long afterId;

  FilterBuilder(long tenantId, long userId, long now) {
    this.tenantId = tenantId;
    this.userId = userId;
    this.now = now;
  }

  FilterBuilder keyword(String keyword, String namePattern) {
    this.keyword = keyword;
    this.namePattern = namePattern;
    return this;
  }

  FilterBuilder group(long groupId) {
    this.groupId = groupId;
    return this;
  }

  FilterBuilder status(String status) {
    this.status = status;
    return this;
  }

  FilterBuilder createdBy(String createdBy) {
    this.createdBy = createdBy;
    return this;
  }

  FilterBuilder family(String family) {
    this.family = family;
    return this;
  }

  FilterBuilder mimeType(String mimeType) {
    this.mimeType = mimeType;
    return this;
  }

  FilterBuilder ownedOnly() {
    this.ownedOnly = true;
    return this;
  }

  FilterBuilder page(int limit, long offset) {
    this.limit = limit;
    this.offset = offset;
    return this;
  }

  FilterBuilder after(long createdAt, long id) {
    this.afterCreatedAt = createdAt;
    this.afterId = id;
    return this;
  }

  AssetFilter build() {
    return new AssetFilter(
        tenantId,
        userId,
        now,
        groupId,
        keyword,
        namePattern,
        family,
        mimeType,
        null,
        status,
        ownedOnly,
        createdBy,
        limit,
        offset,
        afterCreatedAt,
        afterId);
  }
}
