package ai.assetlibrary.server.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilenamesTest {

  @Test
  void keepsOnlyTheLastPathComponent() {
    assertThat(Filenames.sanitize("../../etc/passwd")).isEqualTo("passwd");
    assertThat(Filenames.sanitize("C:\\Users\\me\\photo.jpg")).isEqualTo("photo.jpg");
    assertThat(Filenames.sanitize("/abs/olute.png")).isEqualTo("olute.png");
  }

  @Test
  void dropsControlAndBidiCharacters() {
    assertThat(Filenames.sanitize("a\u0000b\r\nc\u202Egnp.exe")).isEqualTo("abcgnp.exe");
  }

  @Test
  void normalisesToNfcAndLimitsLength() {
    assertThat(Filenames.sanitize("Cafe\u0301.png")).isEqualTo("Caf\u00e9.png");
    assertThat(Filenames.sanitize("x".repeat(10_000))).hasSize(255);
  }

  @Test
  void nothingUsableLeftIsNull() {
    assertThat(Filenames.sanitize(null)).isNull();
    assertThat(Filenames.sanitize("dir/")).isNull();
    assertThat(Filenames.sanitize("..")).isNull();
    assertThat(Filenames.sanitize("\u0007")).isNull();
  }
}
