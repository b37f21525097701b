package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.GroupRecord;
import ai.assetlibrary.server.upload.UploadForm;
import java.util.Optional;

/**
 * Where an upload goes: the group its form names, by either route (a unified {@code groupId}, or a
 * legacy provider group by {@code assetGroupId} or {@code legacy_rf_N}), once the caller may upload
 * into it and it takes the upload, with the {@code model} to check the file against.
 */
public final class UploadTargets {

  private static final String LEGACY_GROUP_PREFIX = GroupService.LEGACY_PREFIX;
  private static final String ACTIVE = "active";

  private final GroupService groups;

  public UploadTargets(GroupService groups) {
    this.groups = groups;
  }

  /**
   * Decides the destination. The legacy route checks, in this order: the group exists, the caller
   * may upload, it is active, its kind takes uploads, it has a provider group id.
   */
  UploadTarget resolve(Caller caller, UploadForm form) {
    Optional<String> groupId =
        form.field(UploadFields.GROUP_ID).map(String::strip).filter(s -> !s.isEmpty());
    Optional<Long> legacyId = legacyGroupId(form, groupId);
    Optional<String> model =
        form.field(UploadFields.MODEL).map(String::strip).filter(s -> !s.isEmpty());
    if (legacyId.isPresent()) {
      GroupView group = legacyGroup(caller, legacyId.get());
      checkUploadAllowed(group);
      if (!group.group().status().equals(ACTIVE)) {
        throw notActive();
      }
      if (AccountService.GENERIC_KIND.equals(group.group().groupKind())) {
        throw new LibraryException(
            Failure.GROUP_KIND_UNSUPPORTED, "This asset group does not take provider uploads.");
      }
      checkProviderRef(group.group());
      model.ifPresent(m -> checkModel(m, group.group()));
      return new UploadTarget(group, true, model);
    }
    if (model.isPresent() && groupId.isEmpty()) {
      throw new LibraryException(
          Failure.GROUP_REQUIRED, "A group is required when 'model' is given.");
    }
    GroupView group = groups.destination(caller, groupId.orElse(AccountService.LIBRARY_GROUP_ID));
    model.ifPresent(m -> checkModel(m, group.group()));
    checkUploadAllowed(group);
    UploadTarget target = new UploadTarget(group, false, model);
    if (target.portrait()) {
      if (!group.group().status().equals(ACTIVE)) {
        throw notActive();
      }
      checkProviderRef(group.group());
    }
    return target;
  }

  private GroupView legacyGroup(Caller caller, long legacyId) {
    try {
      return groups.destination(caller, GroupService.LEGACY_PREFIX + legacyId);
    } catch (LibraryException e) {
      if (e.failure() == Failure.GROUP_NOT_FOUND) {
        throw new LibraryException(Failure.LEGACY_GROUP_NOT_FOUND, "Asset group not found.");
      }
      throw e;
    }
  }

  private static void checkUploadAllowed(GroupView group) {
    if (!group.allows(Permission.EDIT)) {
      throw new LibraryException(
          Failure.GROUP_ACCESS_DENIED, "You may not upload into this asset group.");
    }
  }

  private static void checkProviderRef(GroupRecord group) {
    if (group.providerGroupId() == null) {
      throw new LibraryException(
          Failure.GROUP_PROVIDER_REF_MISSING, "The asset group has no provider group id.");
    }
  }

  private static LibraryException notActive() {
    return new LibraryException(Failure.GROUP_NOT_ACTIVE, "Asset group is not active");
  }

  /** The legacy provider group id, from {@code assetGroupId} or a {@code legacy_rf_N} group id. */
  private static Optional<Long> legacyGroupId(UploadForm form, Optional<String> groupId) {
    Optional<Long> fromAssetGroupId =
        form.field(UploadFields.ASSET_GROUP_ID)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(
                raw -> {
                  try {
                    return Long.parseLong(raw);
                  } catch (NumberFormatException e) {
                    throw LibraryException.invalidField(
                        UploadFields.ASSET_GROUP_ID, "'assetGroupId' must be an integer.");
                  }
                });
    Optional<Long> fromGroupId =
        groupId
            .filter(id -> id.startsWith(LEGACY_GROUP_PREFIX))
            .map(id -> parseLegacySuffix(id.substring(LEGACY_GROUP_PREFIX.length())));
    if (fromAssetGroupId.isPresent()
        && fromGroupId.isPresent()
        && !fromAssetGroupId.equals(fromGroupId)) {
      throw LibraryException.invalidField(
          UploadFields.GROUP_ID, "'groupId' and 'assetGroupId' name different groups.");
    }
    return fromAssetGroupId.or(() -> fromGroupId);
  }

  private static long parseLegacySuffix(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new LibraryException(Failure.LEGACY_GROUP_NOT_FOUND, "Asset group not found.");
    }
  }

  private static void checkModel(String model, GroupRecord group) {
    if (!ModelLimits.MODELS.contains(model)) {
      throw new LibraryException(
          Failure.MODEL_UNSUPPORTED,
          "Unknown model '" + model + "'; supported: seedance-2.0, seedance-2.0-fast.");
    }
    if (AccountService.GENERIC_KIND.equals(group.groupKind())) {
      throw new LibraryException(
          Failure.MODEL_UNSUPPORTED,
          "Model '" + model + "' only applies to RealFace and Virtual Portrait groups.");
    }
  }
}
