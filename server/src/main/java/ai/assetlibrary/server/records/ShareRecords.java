package ai.assetlibrary.server.records;

import java.util.List;
import java.util.Optional;

/** Shares of assets and groups. */
public interface ShareRecords {

  /** Grants or changes a share; one share per target and user. */
  void upsert(
      long tenantId,
      String targetType,
      long targetId,
      long granteeUserId,
      String permission,
      Long expiresAt,
      long now);

  Optional<ShareRecord> find(String targetType, long targetId, long granteeUserId);

  /** Active shares of one target, oldest first. */
  List<ShareRecord> listActive(String targetType, long targetId, long now);

  int delete(String targetType, long targetId, long granteeUserId);

  void deleteAllOf(String targetType, List<Long> targetIds);

  List<ShareTarget> findExpiredTargets(long now);

  int deleteExpired(long now);
}
