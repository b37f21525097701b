package ai.assetlibrary.server.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A streaming multipart/form-data parser (RFC 7578, RFC 2046's syntax): the parts of a body one
 * after another, each part's content a stream that ends where the next delimiter begins. The
 * delimiter is found with a Boyer-Moore-Horspool search, which on file content looks at a fraction
 * of the bytes; the body is read through one buffer of {@link #BUFFER_BYTES}, whatever its size.
 */
final class MultipartParser {

  static final int BUFFER_BYTES = 64 * 1024;

  private static final byte CR = '\r';
  private static final byte LF = '\n';
  private static final byte DASH = '-';

  private final InputStream body;
  private final long maxBodyBytes;
  private final int maxHeaderBytes;

  /** A line break, two dashes and the boundary: what ends a part's content. */
  private final byte[] delimiter;

  /** How far the search may move on when a byte ends its window (Horspool's table). */
  private final int[] shift = new int[256];

  private final byte[] buffer;
  private int position;
  private int limit;
  private long bodyBytes;
  private boolean bodyEnded;
  private boolean finished;

  /** The current part's content; at first the preamble before the first delimiter. */
  private PartContent content = new PartContent(true);

  /**
   * @param boundary the boundary the body's Content-Type declares
   * @param maxBodyBytes the most bytes the body may have
   * @param maxHeaderBytes the most bytes the headers of one part may have
   */
  MultipartParser(InputStream body, String boundary, long maxBodyBytes, int maxHeaderBytes) {
    this.body = body;
    this.maxBodyBytes = maxBodyBytes;
    this.maxHeaderBytes = maxHeaderBytes;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    this.buffer = new byte[BUFFER_BYTES + delimiter.length];
    Arrays.fill(shift, delimiter.length);
    for (int i = 0; i < delimiter.length - 1; i++) {
      shift[delimiter[i] & 0xFF] = delimiter.length - 1 - i;
    }
    // The first delimiter has no line break before it: read the body as if it began with one.
    buffer[0] = CR;
    buffer[1] = LF;
    limit = 2;
  }

  /**
   * Moves to the next part, skipping what is left of the current one (or the preamble), and reads
   * its headers.
   *
   * @return the part's headers, or null after the last part (or when no delimiter is found)
   * @throws MultipartException.Malformed when the body does not follow the format
   * @throws MultipartException.TooLarge past a limit
   */
  PartHeaders nextPart() throws IOException {
    if (finished) {
      return null;
    }
    if (!content.skipToDelimiter()) {
      finished = true;
      return null;
    }
    position += delimiter.length;
    if (!ensure(2)) {
      throw new MultipartException.Malformed("The body ends right after a boundary.");
    }
    if (buffer[position] == DASH && buffer[position + 1] == DASH) {
      finished = true;
      return null;
    }
    if (buffer[position] != CR || buffer[position + 1] != LF) {
      throw new MultipartException.Malformed("Unexpected characters follow a boundary.");
    }
    PartHeaders headers = PartHeaders.parse(readHeaderBlock());
    content = new PartContent(false);
    return headers;
  }

  /** The content of the current part: it ends at the next delimiter. */
  InputStream content() {
    return content;
  }

  /**
   * From the line break that ends the delimiter's line to the empty line that ends the headers: the
   * header lines, each ended by a line break.
   */
  private String readHeaderBlock() throws IOException {
    while (true) {
      for (int i = position; i + 3 < limit; i++) {
        if (buffer[i] == CR && buffer[i + 1] == LF && buffer[i + 2] == CR && buffer[i + 3] == LF) {
          String block = new String(buffer, position + 2, i - position, StandardCharsets.UTF_8);
          position = i + 4;
          return block;
        }
      }
      if (limit - position > maxHeaderBytes) {
        throw new MultipartException.TooLarge(maxHeaderBytes);
      }
      if (!refill()) {
        throw new MultipartException.Malformed("The body ends within a part's headers.");
      }
    }
  }

  /**
   * Where the delimiter starts in the buffered bytes; when it is not there, {@code -1 - safe}: no
   * delimiter starts before {@code safe}.
   */
  private int search() {
    int last = delimiter.length - 1;
    int at = position;
    while (at + last < limit) {
      byte end = buffer[at + last];
      if (end == delimiter[last] && Arrays.equals(buffer, at, at + last, delimiter, 0, last)) {
        return at;
      }
      at += shift[end & 0xFF];
    }
    return -1 - at;
  }

  /** Makes at least {@code wanted} bytes available from the position on; false at the end. */
  private boolean ensure(int wanted) throws IOException {
    while (limit - position < wanted) {
      if (!refill()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Moves the unread bytes to the front and reads more of the body after them; false at its end.
   */
  private boolean refill() throws IOException {
    if (bodyEnded) {
      return false;
    }
    int unread = limit - position;
    System.arraycopy(buffer, position, buffer, 0, unread);
    position = 0;
    limit = unread;
    int read = body.read(buffer, limit, buffer.length - limit);
    if (read < 0) {
      bodyEnded = true;
      return false;
    }
    bodyBytes += read;
    if (bodyBytes > maxBodyBytes) {
      throw new MultipartException.TooLarge(maxBodyBytes);
    }
    limit += read;
    return true;
  }

  /** One part's content (or the preamble): the bytes up to the next delimiter. */
  private final class PartContent extends InputStream {

    private final boolean preamble;
    private boolean ended;
    private boolean delimited;

    PartContent(boolean preamble) {
      this.preamble = preamble;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      while (!ended) {
        int found = search();
        int end = found >= 0 ? found : -1 - found;
        if (end > position) {
          int count = Math.min(length, end - position);
          System.arraycopy(buffer, position, into, offset, count);
          position += count;
          return count;
        }
        if (found >= 0) {
          ended = true;
          delimited = true;
        } else if (!refill()) {
          if (!preamble) {
            throw new MultipartException.Malformed("The body ends within a part.");
          }
          ended = true;
        }
      }
      return -1;
    }

    /** Reads to the end; whether a delimiter ended it (it starts at the position then). */
    boolean skipToDelimiter() throws IOException {
      byte[] scratch = new byte[8192];
      while (read(scratch, 0, scratch.length) >= 0) {
        // the rest of the part is not wanted
      }
      return delimited;
    }
  }
}
