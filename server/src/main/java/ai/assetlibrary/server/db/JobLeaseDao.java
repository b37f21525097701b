package ai.assetlibrary.server.db;

import ai.assetlibrary.server.records.JobLeases;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Background job leases: taking one is a single conditional upsert, atomic on either database. */
public interface JobLeaseDao extends JobLeases {

  @SqlUpdate(
      """
      INSERT INTO job_leases (job, holder, expires_at) VALUES (:job, :holder, :until)
      ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE job_leases.expires_at <= :now OR job_leases.holder = excluded.holder
      """)
  @Override
  boolean tryAcquire(
      @Bind("job") String job,
      @Bind("holder") String holder,
      @Bind("now") long now,
      @Bind("until") long until);

  @SqlUpdate("UPDATE job_leases SET expires_at = :now WHERE job = :job AND holder = :holder")
  @Override
  void release(@Bind("job") String job, @Bind("holder") String holder, @Bind("now") long now);
}
