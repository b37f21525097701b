package ai.assetlibrary.server.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Assets. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AssetRow.class)
public interface AssetDao {

  /** Inserts the asset and returns its generated internal id. */
  @SqlQuery
  long insert(@BindMethods AssetRow row);

  @SqlQuery
  Optional<AssetRow> findById(@Bind("id") long id);

  /** The asset whose bytes or thumbnail are delivered under {@code deliveryKey}. */
  @SqlQuery
  Optional<AssetRow> findByDeliveryKey(@Bind("deliveryKey") String deliveryKey);

  @SqlQuery
  long count();
}
