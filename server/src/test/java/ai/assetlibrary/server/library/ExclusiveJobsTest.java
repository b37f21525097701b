package ai.assetlibrary.server.library;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.service.ExclusiveJobs;
import ai.assetlibrary.server.testing.ServerTest;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: while one runs a job, the other cannot; once it is done, or its
 * lease has run out because it died, the other can.
 */
class ExclusiveJobsTest extends ServerTest {

  @Test
  void aJobRunsOnOneInstanceAtATime() {
    ExclusiveJobs first = new ExclusiveJobs(server.library().records(), app.clock());
    ExclusiveJobs second = new ExclusiveJobs(server.library().records(), app.clock());
    AtomicBoolean secondRanMeanwhile = new AtomicBoolean();

    boolean firstRan =
        first.run("sweep", () -> secondRanMeanwhile.set(second.run("sweep", () -> {})));

    assertThat(firstRan).isTrue();
    assertThat(secondRanMeanwhile).isFalse();
    assertThat(second.run("sweep", () -> {})).isTrue();
    assertThat(first.run("another job", () -> {})).isTrue();
  }

  @Test
  void theLeaseOfAnInstanceThatDiedRunsOut() {
    ExclusiveJobs died = new ExclusiveJobs(server.library().records(), app.clock());
    ExclusiveJobs survivor = new ExclusiveJobs(server.library().records(), app.clock());
    AtomicBoolean tookOver = new AtomicBoolean();

    died.run(
        "sweep",
        () -> {
          assertThat(survivor.run("sweep", () -> {})).isFalse();
          app.clock().advance(ExclusiveJobs.LEASE.plusSeconds(1));
          tookOver.set(survivor.run("sweep", () -> {}));
        });

    assertThat(tookOver).isTrue();
  }
}
