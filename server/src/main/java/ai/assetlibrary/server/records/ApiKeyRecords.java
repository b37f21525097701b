package ai.assetlibrary.server.records;

import java.util.Optional;

/** API keys, recorded only as hashes. */
public interface ApiKeyRecords {

  void insert(long userId, String keyHash, String keyHint, long now);

  Optional<ApiKeyOwner> findByHash(String keyHash);

  int disable(String keyHash, long now);

  long count();
}
