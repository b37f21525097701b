package ai.assetlibrary.server.records;

/** Secrets shared by every instance on the records, each made once. */
public interface ServerSecrets {

  /**
   * The secret named {@code name}: the one recorded, or {@code candidate} when there was none (it
   * is recorded then). Two instances asking at once get the same answer.
   */
  String getOrCreate(String name, String candidate, long now);
}
