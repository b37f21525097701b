package ai.assetlibrary.server.records;

import java.util.List;
import java.util.Optional;

/** Asset group records, and the groups a caller may see. */
public interface GroupRecords {

  void insertDefault(
      String publicId, long tenantId, long ownerUserId, String name, String groupKind, long now);

  /** Inserts a group and returns its internal id. */
  long insert(GroupRecord row);

  Optional<GroupRecord> findOwned(long ownerUserId, String publicId);

  /** A visible group by public id; {@code library} is the caller's own default group. */
  Optional<GroupAccessRecord> findVisible(long tenantId, long userId, long now, String publicId);

  /** The same without counting its assets (the count is 0): for uploads, which do not show it. */
  Optional<GroupAccessRecord> findVisibleUncounted(
      long tenantId, long userId, long now, String publicId);

  List<GroupAccessRecord> listVisible(GroupFilter filter);

  long countVisible(GroupFilter filter);

  void update(GroupRecord row);

  Optional<GroupRecord> findByCallbackToken(String callbackToken);

  /** The imported legacy RealFace group of that legacy id, whoever owns it. */
  Optional<GroupRecord> findByLegacyId(long legacyId);

  /** RealFace groups awaiting verification, least recently checked first. */
  List<GroupRecord> findPendingValidation(int limit);

  /** Activates a verified group; false when it was no longer pending. */
  boolean activate(long id, String providerGroupId, long now);

  void updateVerification(long id, String bytedToken, String h5Link, long expiresAt, long now);

  void touch(long id, long now);

  void delete(long id);
}
