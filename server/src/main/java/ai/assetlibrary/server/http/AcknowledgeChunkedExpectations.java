package ai.assetlibrary.server.http;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.http.ChunkedTransferEncoding;
import org.glassfish.grizzly.http.HttpCodecFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.ParsingResult;
import org.glassfish.grizzly.http.TransferEncoding;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/**
 * Answers {@code Expect: 100-continue} on a chunked request at once, as on one with a {@code
 * Content-Length}. Grizzly 4.0 hands a chunked request to the application (which sends the 100)
 * only once its first chunk arrives, while the client waits for the 100 before sending it: curl
 * then waits a second, Java's {@code HttpURLConnection} (and so tus-java-client) five, on every
 * request. Here the header goes up before the first chunk, and Grizzly sends its one 100 as usual.
 */
public final class AcknowledgeChunkedExpectations implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder builder) {
    int index = builder.indexOfType(HttpServerFilter.class);
    if (index < 0) {
      throw new IllegalStateException("The listener has no HTTP codec");
    }
    HttpCodecFilter codec = (HttpCodecFilter) builder.get(index);
    for (TransferEncoding encoding : codec.getTransferEncodings()) {
      if (encoding instanceof ChunkedTransferEncoding) {
        codec.removeTransferEncoding(encoding);
        codec.addTransferEncoding(new HeaderFirst(encoding));
        return;
      }
    }
    throw new IllegalStateException("The HTTP codec has no chunked transfer encoding");
  }

  /** The chunked encoding, sending a header that awaits its 100 up before any chunk. */
  private record HeaderFirst(TransferEncoding chunked) implements TransferEncoding {

    @Override
    public boolean wantDecode(HttpHeader header) {
      return chunked.wantDecode(header);
    }

    @Override
    public boolean wantEncode(HttpHeader header) {
      return chunked.wantEncode(header);
    }

    @Override
    public void prepareSerialize(FilterChainContext ctx, HttpHeader header, HttpContent content) {
      chunked.prepareSerialize(ctx, header, content);
    }

    @Override
    public ParsingResult parsePacket(FilterChainContext ctx, HttpHeader header, Buffer input) {
      ParsingResult result = chunked.parsePacket(ctx, header, input);
      if (result.getHttpContent() == null
          && !result.isSendHeaderUpstream()
          && header instanceof HttpRequestPacket request
          && request.requiresAcknowledgement()) {
        Buffer remainder = result.getRemainderBuffer();
        result.recycle();
        return ParsingResult.create(null, remainder, true);
      }
      return result;
    }

    @Override
    public Buffer serializePacket(FilterChainContext ctx, HttpContent content) {
      return chunked.serializePacket(ctx, content);
    }
  }
}
