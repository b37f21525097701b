package ai.assetlibrary.server.records;

/**
 * How far the records have changed: a count that moves whenever this process writes them, so that
 * what was read while it stood still, and is used while it still stands, is what they hold.
 */
public interface RecordChanges {

  /** The count now; it moves when a write begins and again once it is committed. */
  long count();

  /**
   * Whether this process is the only one that writes the records of assets and their renditions, so
   * that the count sees every change to them (an embedded database in a data directory this process
   * holds).
   */
  boolean exclusive();
}
