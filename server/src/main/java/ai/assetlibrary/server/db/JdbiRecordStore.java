package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.AccountRecords;
import ai.assetlibrary.server.records.ApiKeyRecords;
import ai.assetlibrary.server.records.AssetRecords;
import ai.assetlibrary.server.records.GroupRecords;
import ai.assetlibrary.server.records.IdempotencyKeys;
import ai.assetlibrary.server.records.ProviderDeletions;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.ShareRecords;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The record ports over JDBI: each aggregate's SqlObject DAO, on demand or in a transaction. */
public final class JdbiRecordStore implements RecordStore {

  private final Jdbi jdbi;
  private final AssetDao assets;
  private final AssetGroupDao groups;
  private final ShareDao shares;
  private final AccountDao accounts;
  private final ApiKeyDao apiKeys;
  private final IdempotencyKeyDao idempotencyKeys;
  private final ProviderDeletionDao providerDeletions;

  public JdbiRecordStore(Jdbi jdbi) {
    this.jdbi = jdbi;
    this.assets = jdbi.onDemand(AssetDao.class);
    this.groups = jdbi.onDemand(AssetGroupDao.class);
    this.shares = jdbi.onDemand(ShareDao.class);
    this.accounts = jdbi.onDemand(AccountDao.class);
    this.apiKeys = jdbi.onDemand(ApiKeyDao.class);
    this.idempotencyKeys = jdbi.onDemand(IdempotencyKeyDao.class);
    this.providerDeletions = jdbi.onDemand(ProviderDeletionDao.class);
  }

  @Override
  public AssetRecords assets() {
    return assets;
  }

  @Override
  public GroupRecords groups() {
    return groups;
  }

  @Override
  public ShareRecords shares() {
    return shares;
  }

  @Override
  public AccountRecords accounts() {
    return accounts;
  }

  @Override
  public ApiKeyRecords apiKeys() {
    return apiKeys;
  }

  @Override
  public IdempotencyKeys idempotencyKeys() {
    return idempotencyKeys;
  }

  @Override
  public ProviderDeletions providerDeletions() {
    return providerDeletions;
  }

  @Override
  public <T> T inTransaction(Function<RecordStore, T> work) {
    return jdbi.inTransaction(handle -> work.apply(new InTransaction(handle)));
  }

  @Override
  public void check() {
    jdbi.useHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
  }

  /** The same records, all on the one handle of an open transaction. */
  private record InTransaction(Handle handle) implements RecordStore {

    @Override
    public AssetRecords assets() {
      return handle.attach(AssetDao.class);
    }

    @Override
    public GroupRecords groups() {
      return handle.attach(AssetGroupDao.class);
    }

    @Override
    public ShareRecords shares() {
      return handle.attach(ShareDao.class);
    }

    @Override
    public AccountRecords accounts() {
      return handle.attach(AccountDao.class);
    }

    @Override
    public ApiKeyRecords apiKeys() {
      return handle.attach(ApiKeyDao.class);
    }

    @Override
    public IdempotencyKeys idempotencyKeys() {
      return handle.attach(IdempotencyKeyDao.class);
    }

    @Override
    public ProviderDeletions providerDeletions() {
      return handle.attach(ProviderDeletionDao.class);
    }

    @Override
    public <T> T inTransaction(Function<RecordStore, T> work) {
      return handle.inTransaction(h -> work.apply(this));
    }

    @Override
    public void check() {
      handle.createQuery("SELECT 1").mapTo(Integer.class).one();
    }
  }
}
