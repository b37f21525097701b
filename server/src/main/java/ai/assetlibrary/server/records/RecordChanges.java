package ai.assetlibrary.server.records;

/**
 * How far this process has changed the records: a count that moves whenever it writes them. Where
 * no other process writes them, what was read while the count stood still, and is used while it
 * still stands, is what they hold.
 */
public interface RecordChanges {

  /** The count now; it moves when a write begins and again once it is committed. */
  long count();
}
