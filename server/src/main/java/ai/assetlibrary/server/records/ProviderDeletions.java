package ai.assetlibrary.server.records;

import java.util.List;

/** The queue of deletes owed to the provider, recorded so that none is forgotten. */
public interface ProviderDeletions {

  void enqueue(String targetType, String providerId, long now);

  /** Assets before groups (a group is deleted after its assets), oldest first. */
  List<ProviderDeletionRecord> next(int limit);

  void done(List<Long> ids);

  void failed(long id, String error);

  long count();
}
