package ai.assetlibrary.server.records;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The library's records, by aggregate, and transactions across them. Outside a transaction each
 * call commits on its own; inside {@link #inTransaction} the records it hands over change together
 * or not at all.
 */
public interface RecordStore {

  AssetRecords assets();

  GroupRecords groups();

  ShareRecords shares();

  AccountRecords accounts();

  ApiKeyRecords apiKeys();

  IdempotencyKeys idempotencyKeys();

  ProviderDeletions providerDeletions();

  BlobDeletions blobDeletions();

  JobLeases jobLeases();

  ServerSecrets secrets();

  UploadRecords uploads();

  RenditionRecords renditions();

  DeliveryLookups deliveries();

  /** How far this process has changed the records. */
  RecordChanges changes();

  /** Runs {@code work} in one transaction and returns what it returns. */
  <T> T inTransaction(Function<RecordStore, T> work);

  /** Runs {@code work} in one transaction. */
  default void useTransaction(Consumer<RecordStore> work) {
    inTransaction(
        records -> {
          work.accept(records);
          return null;
        });
  }

  /** Returns when the records can be read; throws when they cannot (for readiness). */
  void check();
}
