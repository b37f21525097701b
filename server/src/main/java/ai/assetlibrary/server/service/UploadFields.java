package ai.assetlibrary.server.service;

/** The names of the upload form's parts, and of its Idempotency-Key header. */
final class UploadFields {

  static final String FILE = "file";
  static final String NAME = "name";
  static final String GROUP_ID = "groupId";
  static final String ASSET_GROUP_ID = "assetGroupId";
  static final String MODEL = "model";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private UploadFields() {}
}
