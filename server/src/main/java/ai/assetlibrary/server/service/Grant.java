package ai.assetlibrary.server.service;

import java.util.Optional;

/**
 * How a caller who is not the owner reaches something: through a share with this permission, ending
 * at {@code expiresAt} (epoch millis) or never when null.
 */
public record Grant(Permission permission, Long expiresAt) {

  /** The share behind the stored permission and expiry, if there is one. */
  static Optional<Grant> of(String permission, Long expiresAt) {
    return permission == null
        ? Optional.empty()
        : Optional.of(new Grant(Permission.valueOf(permission), expiresAt));
  }

  /** The stronger of two grants; of two equal ones, the one that lasts longer. */
  static Optional<Grant> strongest(Optional<Grant> a, Optional<Grant> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isPresent() ? a : b;
    }
    int order = a.get().permission().compareTo(b.get().permission());
    if (order != 0) {
      return order > 0 ? a : b;
    }
    Long aEnds = a.get().expiresAt();
    Long bEnds = b.get().expiresAt();
    if (aEnds == null || bEnds == null) {
      return aEnds == null ? a : b;
    }
    return aEnds >= bEnds ? a : b;
  }
}
