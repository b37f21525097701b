package ai.assetlibrary.server.http;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Keeps every connection on HTTP/1.1 by ignoring {@code Upgrade} requests, as RFC 9110 (section
 * 7.8) allows a server to. Java's {@code HttpClient} asks to upgrade to {@code h2c} on every
 * request by default; left to itself, Grizzly would then stop framing the body by its {@code
 * Content-Length} and a JSON request would wait for bytes that never come.
 */
public final class IgnoreProtocolUpgrades implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int codec = builder.indexOfType(HttpServerFilter.class);
    if (codec < 0) {
      throw new IllegalStateException("The listener has no HTTP codec to follow");
    }
    builder.add(codec + 1, new UpgradeIgnoringFilter());
  }

  /** Sees the codec's upgrade event before the body is read, and undoes the upgrade. */
  private static final class UpgradeIgnoringFilter extends BaseFilter {

    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event)
        throws IOException {
      if (event instanceof HttpEvents.IncomingHttpUpgradeEvent upgrade) {
        HttpHeader request = upgrade.getHttpHeader();
        request.setIgnoreContentModifiers(false);
        request.getUpgradeDC().recycle();
        request.getHeaders().removeHeader(Header.Upgrade);
      }
      return ctx.getInvokeAction();
    }
  }
}
