package ai.assetlibrary.server.resources;

import ai.assetlibrary.api.model.Pagination;
import ai.assetlibrary.server.service.Page;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Wire forms shared by the mappers: UTC timestamps and pagination. */
final class Times {

  private Times() {}

  static OffsetDateTime utc(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
  }

  static OffsetDateTime utcOrNull(Long epochMillis) {
    return epochMillis == null ? null : utc(epochMillis);
  }

  static Long epochMillisOrNull(OffsetDateTime time) {
    return time == null ? null : time.toInstant().toEpochMilli();
  }

  static Pagination pagination(Page<?> page) {
    return new Pagination(page.current(), page.size(), page.total(), page.pages())
        .totalExact(page.totalExact())
        .nextCursor(page.nextCursor());
  }
}
