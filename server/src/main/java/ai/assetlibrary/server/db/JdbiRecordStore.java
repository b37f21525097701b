package ai.assetlibrary.server.db;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.records.AccountRecords;
import ai.assetlibrary.server.records.ApiKeyRecords;
import ai.assetlibrary.server.records.AssetRecords;
import ai.assetlibrary.server.records.BlobDeletions;
import ai.assetlibrary.server.records.DeliveryLookups;
import ai.assetlibrary.server.records.GroupRecords;
import ai.assetlibrary.server.records.IdempotencyKeys;
import ai.assetlibrary.server.records.JobLeases;
import ai.assetlibrary.server.records.ProviderDeletions;
import ai.assetlibrary.server.records.RecordChanges;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.RenditionRecords;
import ai.assetlibrary.server.records.ServerSecrets;
import ai.assetlibrary.server.records.ShareRecords;
import ai.assetlibrary.server.records.UploadRecords;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The record ports over JDBI: each aggregate's SqlObject DAO, on demand or in a transaction. A full
 * disk, in the database's own words, becomes the domain's {@code STORAGE_FULL} here.
 */
public final class JdbiRecordStore implements RecordStore {

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final AssetRecords assets;
  private final GroupRecords groups;
  private final ShareRecords shares;
  private final AccountRecords accounts;
  private final ApiKeyRecords apiKeys;
  private final IdempotencyKeys idempotencyKeys;
  private final ProviderDeletions providerDeletions;
  private final BlobDeletions blobDeletions;
  private final JobLeases jobLeases;
  private final ServerSecrets secrets;
  private final UploadRecords uploads;
  private final RenditionRecords renditions;
  private final JdbiDeliveryLookups deliveryLookups;
  private final DeliveryLookups deliveries;
  private final RecordWrites writes = new RecordWrites();

  public JdbiRecordStore(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.dialect = dialect;
    jdbi.define(Dialect.class.getName(), dialect);
    this.assets = translating(AssetRecords.class, jdbi.onDemand(AssetDao.class));
    this.groups = translating(GroupRecords.class, jdbi.onDemand(AssetGroupDao.class));
    this.shares = translating(ShareRecords.class, jdbi.onDemand(ShareDao.class));
    this.accounts = translating(AccountRecords.class, jdbi.onDemand(AccountDao.class));
    this.apiKeys = translating(ApiKeyRecords.class, jdbi.onDemand(ApiKeyDao.class));
    this.idempotencyKeys =
        translating(IdempotencyKeys.class, jdbi.onDemand(IdempotencyKeyDao.class));
    this.providerDeletions =
        translating(ProviderDeletions.class, jdbi.onDemand(ProviderDeletionDao.class));
    this.blobDeletions = translating(BlobDeletions.class, jdbi.onDemand(BlobDeletionDao.class));
    this.jobLeases = translating(JobLeases.class, jdbi.onDemand(JobLeaseDao.class));
    this.secrets = translating(ServerSecrets.class, jdbi.onDemand(ServerSecretDao.class));
    this.uploads = translating(UploadRecords.class, jdbi.onDemand(UploadDao.class));
    this.renditions = translating(RenditionRecords.class, jdbi.onDemand(RenditionDao.class));
    this.deliveryLookups = new JdbiDeliveryLookups(jdbi);
    this.deliveries = translating(DeliveryLookups.class, deliveryLookups);
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
  public BlobDeletions blobDeletions() {
    return blobDeletions;
  }

  @Override
  public JobLeases jobLeases() {
    return jobLeases;
  }

  @Override
  public ServerSecrets secrets() {
    return secrets;
  }

  @Override
  public DeliveryLookups deliveries() {
    return deliveries;
  }

  @Override
  public RenditionRecords renditions() {
    return renditions;
  }

  @Override
  public UploadRecords uploads() {
    return uploads;
  }

  @Override
  public RecordChanges changes() {
    return writes;
  }

  @Override
  public <T> T inTransaction(Function<RecordStore, T> work) {
    writes.moved();
    try {
      return jdbi.inTransaction(handle -> work.apply(new InTransaction(handle)));
    } catch (RuntimeException e) {
      throw translated(e);
    } finally {
      writes.moved();
    }
  }

  /**
   * {@code records}, each call's database failure translated on its way out, and each call that may
   * write counted (delivery look-ups only read).
   */
  private <T> T translating(Class<T> port, T records) {
    boolean reads = records instanceof DeliveryLookups;
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              boolean counted = !reads && !writes.onlyReads(method, records);
              if (counted) {
                writes.moved();
              }
              try {
                return method.invoke(records, args);
              } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException cause ? translated(cause) : e;
              } finally {
                if (counted) {
                  writes.moved();
                }
              }
            }));
  }

  private RuntimeException translated(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && dialect.isFull(sql)) {
        return new LibraryException(
            Failure.STORAGE_FULL,
            "The server has no storage space left; nothing was kept. Retry later.");
      }
      if (cause instanceof SQLTransientConnectionException
          || (cause instanceof SQLException sql && dialect.isUnreachable(sql))) {
        return new LibraryException(
            Failure.DATABASE_UNAVAILABLE,
            "The database cannot be reached; nothing was kept. Retry later.");
      }
    }
    return e;
  }

  @Override
  public void check() {
    jdbi.useHandle(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
  }

  /** The same records, all on the one handle of an open transaction. */
  private final class InTransaction implements RecordStore {

    private final Handle handle;

    InTransaction(Handle handle) {
      this.handle = handle;
    }

    @Override
    public AssetRecords assets() {
      return translating(AssetRecords.class, handle.attach(AssetDao.class));
    }

    @Override
    public GroupRecords groups() {
      return translating(GroupRecords.class, handle.attach(AssetGroupDao.class));
    }

    @Override
    public ShareRecords shares() {
      return translating(ShareRecords.class, handle.attach(ShareDao.class));
    }

    @Override
    public AccountRecords accounts() {
      return translating(AccountRecords.class, handle.attach(AccountDao.class));
    }

    @Override
    public ApiKeyRecords apiKeys() {
      return translating(ApiKeyRecords.class, handle.attach(ApiKeyDao.class));
    }

    @Override
    public IdempotencyKeys idempotencyKeys() {
      return translating(IdempotencyKeys.class, handle.attach(IdempotencyKeyDao.class));
    }

    @Override
    public ProviderDeletions providerDeletions() {
      return translating(ProviderDeletions.class, handle.attach(ProviderDeletionDao.class));
    }

    @Override
    public BlobDeletions blobDeletions() {
      return translating(BlobDeletions.class, handle.attach(BlobDeletionDao.class));
    }

    @Override
    public JobLeases jobLeases() {
      return translating(JobLeases.class, handle.attach(JobLeaseDao.class));
    }

    @Override
    public ServerSecrets secrets() {
      return translating(ServerSecrets.class, handle.attach(ServerSecretDao.class));
    }

    @Override
    public UploadRecords uploads() {
      return translating(UploadRecords.class, handle.attach(UploadDao.class));
    }

    @Override
    public RenditionRecords renditions() {
      return translating(RenditionRecords.class, handle.attach(RenditionDao.class));
    }

    @Override
    public DeliveryLookups deliveries() {
      return translating(DeliveryLookups.class, deliveryLookups.on(handle));
    }

    @Override
    public RecordChanges changes() {
      return writes;
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
