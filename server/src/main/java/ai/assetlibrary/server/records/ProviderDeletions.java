package ai.assetlibrary.server.records;

import java.util.List;

/** The queue of deletes owed to the provider, recorded so that none is forgotten. */
public interface ProviderDeletions {

  void enqueue(String targetType, String providerId, long now);

  /**
   * Queues, for those of the assets {@code assetIds} whose registration with the provider began but
   * whose provider id never came back, the delete of whatever the provider holds from their URL.
   * Called before the assets' records are deleted, in the same transaction.
   */
  void enqueueUnconfirmed(List<Long> assetIds, long now);

  /** Assets before groups (a group is deleted after its assets), oldest first. */
  List<ProviderDeletionRecord> next(int limit);

  void done(List<Long> ids);

  void failed(long id, String error);

  long count();
}
