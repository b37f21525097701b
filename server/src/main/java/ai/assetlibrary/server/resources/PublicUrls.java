package ai.assetlibrary.server.resources;

import java.net.URI;

/** Builds the absolute URLs handed to clients from the public base URL. */
public record PublicUrls(URI base) {

  /** The URL that serves the bytes delivered under {@code deliveryKey}. */
  public URI file(String deliveryKey) {
    return URI.create(base.toString() + "/files/" + deliveryKey);
  }
}
