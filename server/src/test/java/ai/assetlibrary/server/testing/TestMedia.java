package ai.assetlibrary.server.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** Media files generated on the fly for tests. */
public final class TestMedia {

  private TestMedia() {}

  public static byte[] png(int width, int height) {
    return image("png", width, height, BufferedImage.TYPE_INT_ARGB);
  }

  public static byte[] jpeg(int width, int height) {
    return image("jpg", width, height, BufferedImage.TYPE_INT_RGB);
  }

  /** A JPEG of one colour, {@code rgb} as 0xRRGGBB. */
  public static byte[] flatJpeg(int width, int height, int rgb) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(rgb));
    g.fillRect(0, 0, width, height);
    g.dispose();
    return encode(image, "jpg");
  }

  public static byte[] gif(int width, int height) {
    return image("gif", width, height, BufferedImage.TYPE_INT_RGB);
  }

  /** Marker colour in the top-left corner of generated pictures. */
  public static final Color MARKER = Color.RED;

  /** Background colour of generated pictures. */
  public static final Color BACKGROUND = new Color(30, 120, 200);

  /** A PNG with an alpha channel: transparent, with an opaque marker top-left. */
  public static byte[] transparentPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(MARKER);
    g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4));
    g.dispose();
    return encode(image, "png");
  }

  public static byte[] bmp(int width, int height) {
    return image("bmp", width, height, BufferedImage.TYPE_INT_RGB);
  }

  public static byte[] tiff(int width, int height) {
    return image("tiff", width, height, BufferedImage.TYPE_INT_RGB);
  }

  /**
   * A JPEG whose stored pixels carry the marker top-left, tagged with EXIF {@code orientation}
   * (1–8) in an APP1 segment right after the start-of-image marker.
   */
  public static byte[] jpegWithOrientation(int width, int height, int orientation) {
    byte[] jpeg = jpeg(width, height);
    ByteArrayOutputStream exif = new ByteArrayOutputStream();
    exif.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    exif.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // big-endian TIFF header, IFD0 at 8
    exif.writeBytes(new byte[] {0, 1}); // one entry
    exif.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
    exif.writeBytes(new byte[] {0, 0, 0, 0}); // no next IFD
    int length = exif.size() + 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
    out.writeBytes(exif.toByteArray());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A PNG whose header declares {@code width}×{@code height} but whose data is a few bytes. */
  public static byte[] pixelFloodPng(int width, int height) {
    ByteArrayOutputStream out = rgbPngHead(width, height);
    Deflater deflater = new Deflater();
    deflater.setInput(new byte[64]);
    deflater.finish();
    byte[] compressed = new byte[128];
    int length = deflater.deflate(compressed);
    pngChunk(out, "IDAT", Arrays.copyOf(compressed, length));
    pngChunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /**
   * A decompression bomb: a PNG of {@code width}×{@code height} black RGB pixels whose few hundred
   * kilobytes inflate to {@code 3 × width × height} bytes.
   */
  public static byte[] decompressionBombPng(int width, int height) {
    ByteArrayOutputStream out = rgbPngHead(width, height);
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    byte[] row = new byte[1 + 3 * width]; // filter type 0, then black pixels
    try (DeflaterOutputStream deflate =
        new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
      for (int y = 0; y < height; y++) {
        deflate.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pngChunk(out, "IDAT", compressed.toByteArray());
    pngChunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  /**
   * A JPEG carrying a 60 KB EXIF block (a valid TIFF header, then padding) and an ICC profile of
   * about 1 MB of noise split over APP2 segments.
   */
  public static byte[] jpegWithHugeMetadata(int width, int height) {
    byte[] jpeg = jpeg(width, height);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    ByteBuffer exif = ByteBuffer.allocate(60_000);
    exif.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    exif.put(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    jpegSegment(out, 0xE1, exif.array());
    int chunks = 16;
    Random noise = new Random(42);
    for (int i = 1; i <= chunks; i++) {
      ByteBuffer icc = ByteBuffer.allocate(65_000);
      icc.put("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
      icc.put((byte) i).put((byte) chunks);
      byte[] data = new byte[icc.remaining()];
      noise.nextBytes(data);
      icc.put(data);
      jpegSegment(out, 0xE2, icc.array());
    }
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void jpegSegment(ByteArrayOutputStream out, int marker, byte[] payload) {
    out.write(0xFF);
    out.write(marker);
    int length = payload.length + 2;
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(payload);
  }

  /**
   * The MP4 with the size of its {@code atom} (e.g. {@code moov}) replaced by {@code size}; 1 means
   * a 64-bit size follows, which is then {@code largeSize}, written over the atom's first bytes.
   */
  public static byte[] mp4WithAtomSize(byte[] mp4, String atom, int size, long largeSize) {
    byte[] copy = mp4.clone();
    byte[] name = atom.getBytes(StandardCharsets.US_ASCII);
    for (int i = 4; i + 4 <= copy.length; i++) {
      if (Arrays.equals(copy, i, i + 4, name, 0, 4)) {
        ByteBuffer patch = ByteBuffer.wrap(copy);
        patch.putInt(i - 4, size);
        if (size == 1) {
          patch.putLong(i + 4, largeSize);
        }
        return copy;
      }
    }
    throw new IllegalArgumentException("No " + atom + " atom");
  }

  /** A mono 16-bit WAV tone of {@code seconds} at 8 kHz, written by javax.sound. */
  public static byte[] wav(double seconds) {
    float rate = 8000f;
    int frames = (int) (rate * seconds);
    byte[] pcm = new byte[frames * 2];
    for (int i = 0; i < frames; i++) {
      short sample = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
      pcm[2 * i] = (byte) sample;
      pcm[2 * i + 1] = (byte) (sample >> 8);
    }
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A committed fixture from {@code src/test/resources/media/}. */
  public static byte[] fixture(String name) {
    try (InputStream in = TestMedia.class.getResourceAsStream("/media/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code fraction} of {@code bytes}, as a transfer cut short would leave them. */
  public static byte[] truncated(byte[] bytes, double fraction) {
    return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
  }

  /** The start of a PDF document: a type outside the allow-list. */
  public static byte[] pdf() {
    return "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A PNG of random pixels (it hardly compresses), the same for the same seed. */
  public static byte[] noisePng(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt());
      }
    }
    return encode(image, "png");
  }

  /** Random bytes, the same for the same seed. */
  public static byte[] random(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signature and header of an 8-bit RGB PNG of {@code width}×{@code height}. */
  private static ByteArrayOutputStream rgbPngHead(int width, int height) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    pngChunk(out, "IHDR", ihdr.array());
    return out;
  }

  private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static byte[] image(String format, int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, width, height);
    g.setColor(MARKER);
    g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4));
    g.dispose();
    return encode(image, format);
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
