package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.GroupRecord;
import java.util.Optional;

/** An upload's destination group, whether the legacy provider route addressed it, its model. */
record UploadTarget(GroupRecord group, boolean legacyRoute, Optional<String> model) {

  boolean portrait() {
    return !AccountService.GENERIC_KIND.equals(group.groupKind());
  }
}
