package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.GroupRecord;
import java.util.Optional;

/**
 * An upload's destination group as the uploader sees it, whether the legacy provider route
 * addressed it, its model.
 */
record UploadTarget(GroupView destination, boolean legacyRoute, Optional<String> model) {

  GroupRecord group() {
    return destination.group();
  }

  boolean portrait() {
    return !AccountService.GENERIC_KIND.equals(group().groupKind());
  }
}
