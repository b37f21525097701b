package ai.assetlibrary.server.service;

/** What a share allows, each level including the ones before it. */
public enum Permission {
  /** See the record and fetch the bytes. */
  READ,
  /** READ, plus referencing the asset from other services. */
  USE,
  /** USE, plus rename and delete, and for a group, uploading into it. */
  EDIT;

  public boolean includes(Permission other) {
    return compareTo(other) >= 0;
  }
}
