package ai.assetlibrary.server.records;

/** Which instance runs each background job: one lease per job, held until it expires. */
public interface JobLeases {

  /**
   * Takes the lease of {@code job} for {@code holder} until {@code until}, when it is free (never
   * taken, expired by {@code now}) or already the holder's; returns whether the holder has it.
   */
  boolean tryAcquire(String job, String holder, long now, long until);

  /** Gives the lease up, if the holder has it. */
  void release(String job, String holder, long now);
}
