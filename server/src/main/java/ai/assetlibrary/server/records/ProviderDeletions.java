package ai.assetlibrary.server.records;

import java.util.List;

/** The queue of deletes owed to the provider, recorded so that none is forgotten. */
public interface ProviderDeletions {

  void enqueue(String targetType, String providerId, long now);

  /**
   * Queues the provider's delete of each of the assets {@code assetIds} it may hold: by its
   * provider id, or, when a registration began but its id never came back, by the URL it was
   * registered from. Called before the assets' records are deleted, in the same transaction.
   */
  void enqueueAssets(List<Long> assetIds, long now);

  /** Assets before groups (a group is deleted after its assets), oldest first. */
  List<ProviderDeletionRecord> next(int limit);

  void done(List<Long> ids);

  void failed(long id, String error);

  long count();
}
