package ai.assetlibrary.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock for the server under test that stands still until a test moves it on. */
public final class TestClock extends Clock {

  private volatile Instant now = Instant.now();

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("The server works in UTC");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
