package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.RecordChanges;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Counts the writes this process makes through the record store: each transaction, and each call
 * outside one that is not a single {@code SELECT}, moves the count when it begins and when it ends.
 */
final class RecordWrites implements RecordChanges {

  private final AtomicLong count = new AtomicLong();
  private final Map<Method, Boolean> queries = new ConcurrentHashMap<>();

  @Override
  public long count() {
    return count.get();
  }

  /** A write begins or has ended. */
  void moved() {
    count.incrementAndGet();
  }

  /**
   * Whether calling {@code method} of a port on {@code records} only reads: the SQL object behind
   * it runs the method as a single {@code @SqlQuery} whose statement is a {@code SELECT} (an {@code
   * INSERT} or {@code DELETE} that returns rows is a query to JDBI, too).
   */
  boolean onlyReads(Method method, Object records) {
    return queries.computeIfAbsent(method, m -> isQuery(m, records.getClass()));
  }

  private static boolean isQuery(Method method, Class<?> implementation) {
    for (Class<?> type : implementation.getInterfaces()) {
      if (method.getDeclaringClass().isAssignableFrom(type)) {
        try {
          SqlQuery query =
              type.getMethod(method.getName(), method.getParameterTypes())
                  .getAnnotation(SqlQuery.class);
          return query != null
              && query.value().strip().toUpperCase(Locale.ROOT).startsWith("SELECT");
        } catch (NoSuchMethodException e) {
          return false;
        }
      }
    }
    return false;
  }
}
