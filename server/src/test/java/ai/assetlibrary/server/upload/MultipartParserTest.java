package ai.assetlibrary.server.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartParserTest {

  private static final String BOUNDARY = "----formBoundary7MA4YWxkTrZu0gW";

  @Test
  void contentFullOfNearDelimitersComesOutIntactWhateverTheReadSizes() throws IOException {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      byte[] first = nearDelimiters(random, random.nextInt(3 * MultipartParser.BUFFER_BYTES));
      byte[] second = nearDelimiters(random, random.nextInt(300));
      byte[] body =
          concat(
              "preamble\r\n--" + BOUNDARY + "\r\n",
              "Content-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n",
              "Content-Type: application/octet-stream\r\n\r\n",
              first,
              "\r\n--" + BOUNDARY + "\r\n",
              "Content-Disposition: form-data; name=\"name\"\r\n\r\n",
              second,
              "\r\n--" + BOUNDARY + "--\r\nepilogue");

      List<byte[]> contents = new ArrayList<>();
      List<PartHeaders> headers = new ArrayList<>();
      MultipartParser parser =
          new MultipartParser(trickle(body, random), BOUNDARY, Long.MAX_VALUE, 16 * 1024);
      for (PartHeaders part = parser.nextPart(); part != null; part = parser.nextPart()) {
        headers.add(part);
        contents.add(readAll(parser.content(), random));
      }

      assertThat(headers)
          .containsExactly(new PartHeaders("file", "a.bin"), new PartHeaders("name", null));
      assertThat(contents.get(0)).isEqualTo(first);
      assertThat(contents.get(1)).isEqualTo(second);
    }
  }

  @Test
  void aPartLeftUnreadIsSkippedAndEmptyPartsAreParts() throws IOException {
    byte[] body =
        concat(
            "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"skipped\"\r\n\r\n",
            "x".repeat(200_000),
            "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"empty\"\r\n\r\n",
            "\r\n--" + BOUNDARY + "--");
    MultipartParser parser =
        new MultipartParser(new ByteArrayInputStream(body), BOUNDARY, Long.MAX_VALUE, 1024);

    assertThat(parser.nextPart().fieldName()).isEqualTo("skipped");
    assertThat(parser.nextPart().fieldName()).isEqualTo("empty");
    assertThat(parser.content().readAllBytes()).isEmpty();
    assertThat(parser.nextPart()).isNull();
  }

  @Test
  void fileNamesAreReadAsBrowsersAndCurlSendThem() throws IOException {
    assertThat(headers("form-data; name=\"file\"; filename=\"photo 1.jpg\""))
        .isEqualTo(new PartHeaders("file", "photo 1.jpg"));
    assertThat(headers("form-data; name=file; filename*=UTF-8''Caf%C3%A9%20menu.png"))
        .isEqualTo(new PartHeaders("file", "Café menu.png"));
    assertThat(headers("form-data; NAME=\"a;b\"; filename=\"x\\\"y.png\""))
        .isEqualTo(new PartHeaders("a;b", "x\\\"y.png"));
    assertThat(headers("attachment; filename=\"a.png\"")).isEqualTo(new PartHeaders(null, "a.png"));
  }

  @Test
  void aBodyCutShortOrAfterItsLimitIsRefused() {
    byte[] cut =
        concat(
            "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n",
            "partial content");
    assertThatThrownBy(() -> readParts(cut, Long.MAX_VALUE))
        .isInstanceOf(MultipartException.Malformed.class);

    byte[] big =
        concat(
            "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n",
            "y".repeat(10_000),
            "\r\n--" + BOUNDARY + "--");
    assertThatThrownBy(() -> readParts(big, 5_000))
        .isInstanceOfSatisfying(
            MultipartException.TooLarge.class, e -> assertThat(e.permitted()).isEqualTo(5_000));
  }

  @Test
  void aBodyWithoutTheBoundaryHasNoParts() throws IOException {
    assertThat(readParts("just text".getBytes(StandardCharsets.UTF_8), Long.MAX_VALUE)).isZero();
  }

  private static int readParts(byte[] body, long limit) throws IOException {
    MultipartParser parser =
        new MultipartParser(new ByteArrayInputStream(body), BOUNDARY, limit, 1024);
    int parts = 0;
    for (PartHeaders part = parser.nextPart(); part != null; part = parser.nextPart()) {
      parser.content().readAllBytes();
      parts++;
    }
    return parts;
  }

  private static PartHeaders headers(String disposition) throws IOException {
    byte[] body =
        concat(
            "--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\n\r\nv\r\n--",
            BOUNDARY + "--");
    return new MultipartParser(new ByteArrayInputStream(body), BOUNDARY, Long.MAX_VALUE, 1024)
        .nextPart();
  }

  /** Random bytes with beginnings of the delimiter (never all of it) mixed in. */
  private static byte[] nearDelimiters(Random random, int length) {
    byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < length) {
      if (random.nextInt(4) == 0) {
        out.write(delimiter, 0, 1 + random.nextInt(delimiter.length - 1));
        out.write('#'); // not in the delimiter: noise after it cannot complete it
      } else {
        byte[] noise = new byte[random.nextInt(64)];
        random.nextBytes(noise);
        out.write(noise, 0, noise.length);
      }
    }
    byte[] bytes = out.toByteArray();
    return java.util.Arrays.copyOf(bytes, length);
  }

  /** The body handed out a random few bytes at a time, as a slow network would. */
  private static InputStream trickle(byte[] body, Random random) {
    return new FilterInputStream(new ByteArrayInputStream(body)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(
            b, off, Math.min(len, 1 + random.nextInt(random.nextBoolean() ? 7 : 70_000)));
      }
    };
  }

  private static byte[] readAll(InputStream in, Random random) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[1 + random.nextInt(100_000)];
    for (int read; (read = in.read(chunk, 0, 1 + random.nextInt(chunk.length))) >= 0; ) {
      out.write(chunk, 0, read);
    }
    return out.toByteArray();
  }

  private static byte[] concat(Object... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object piece : pieces) {
      byte[] bytes =
          piece instanceof byte[] b ? b : ((String) piece).getBytes(StandardCharsets.UTF_8);
      out.write(bytes, 0, bytes.length);
    }
    return out.toByteArray();
  }
}
