package ai.assetlibrary.server.service;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds the absolute URLs handed to clients and to the provider. The base is known once the server
 * has bound its port ({@link #bind}).
 */
public final class PublicUrls {

  private final AtomicReference<URI> base = new AtomicReference<>();

  /** Sets the base URL, e.g. {@code https://assets.example.com}; once. */
  public void bind(URI baseUrl) {
    if (!base.compareAndSet(null, baseUrl)) {
      throw new IllegalStateException("The public base URL is already " + base.get());
    }
  }

  /** The URL that serves the bytes delivered under {@code deliveryKey}. */
  public URI file(String deliveryKey) {
    return URI.create(root() + "/files/" + deliveryKey);
  }

  /** The URL the provider calls when a verification with this callback token ends. */
  public URI verificationCallback(String callbackToken) {
    return URI.create(root() + "/callbacks/byteplus/visual-validation/" + callbackToken);
  }

  private URI root() {
    URI root = base.get();
    if (root == null) {
      throw new IllegalStateException("The public base URL is not known before the server starts");
    }
    return root;
  }
}
