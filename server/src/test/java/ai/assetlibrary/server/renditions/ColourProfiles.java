package ai.assetlibrary.server.renditions;

import ai.assetlibrary.server.testing.TestMedia;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** JPEGs with an embedded ICC profile, for the colour conversion of renditions. */
final class ColourProfiles {

  private static final byte[] ICC_TAG = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

  private ColourProfiles() {}

  /**
   * A JPEG of flat grey 128 whose embedded profile is the JDK's linear RGB: shown right, it is the
   * grey sRGB calls about 188.
   */
  static byte[] greyJpegInLinearRgb(int width, int height) {
    byte[] jpeg = TestMedia.flatJpeg(width, height, 0x808080);
    byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
    ByteArrayOutputStream segment = new ByteArrayOutputStream();
    segment.writeBytes(ICC_TAG);
    segment.write(1); // this chunk
    segment.write(1); // of one
    segment.writeBytes(profile);
    int length = segment.size() + 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
    out.writeBytes(segment.toByteArray());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** Whether the JPEG carries an APP2 ICC profile segment before its scan. */
  static boolean hasIccProfile(byte[] jpeg) {
    for (int at = 2; at + 4 < jpeg.length && (jpeg[at] & 0xFF) == 0xFF; ) {
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xE2 && Renditions.startsWith(jpeg, at + 4, ICC_TAG)) {
        return true;
      }
      if (marker == 0xDA) {
        return false;
      }
      at += 2 + (((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF));
    }
    return false;
  }
}
