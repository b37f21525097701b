package ai.assetlibrary.server.db;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Assets and the views that join them with their group and owner. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AssetView.class)
public interface AssetDao {

  /** Inserts the asset and returns its generated internal id. */
  @SqlQuery
  long insert(@BindMethods AssetRow row);

  @SqlQuery
  Optional<AssetView> findView(@Bind("id") long id);

  @SqlQuery
  @RegisterConstructorMapper(AssetRow.class)
  Optional<AssetRow> findByDeliveryKey(@Bind("deliveryKey") String deliveryKey);

  @SqlQuery
  long count();
}
