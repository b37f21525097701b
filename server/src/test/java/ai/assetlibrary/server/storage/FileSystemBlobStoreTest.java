package ai.assetlibrary.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest {

  @TempDir Path root;

  @Test
  void committedBlobIsReadableUnderItsKeyAndNoTemporaryFileRemains() throws IOException {
    FileSystemBlobStore store = new FileSystemBlobStore(root);
    byte[] bytes = "hello blob".getBytes(StandardCharsets.UTF_8);
    try (PendingBlob blob = store.create()) {
      blob.write(bytes, 0, bytes.length);
      assertThat(blob.size()).isEqualTo(bytes.length);
      blob.commit("ab/ua_1.png");
    }

    StoredBlob stored = store.find("ab/ua_1.png").orElseThrow();
    assertThat(stored.size()).isEqualTo(bytes.length);
    try (InputStream in = stored.open(0, stored.size())) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
    assertThat(filesIn(store.incomingDirectory())).isZero();
  }

  @Test
  void closingWithoutCommitDiscardsTheBytes() throws IOException {
    FileSystemBlobStore store = new FileSystemBlobStore(root);
    try (PendingBlob blob = store.create()) {
      blob.write(new byte[1000], 0, 1000);
      assertThat(filesIn(store.incomingDirectory())).isEqualTo(1);
    }

    assertThat(filesIn(store.incomingDirectory())).isZero();
    assertThat(filesIn(root)).isZero();
  }

  @Test
  void deleteRemovesTheBlob() throws IOException {
    FileSystemBlobStore store = new FileSystemBlobStore(root);
    try (PendingBlob blob = store.create()) {
      blob.commit("cd/x.bin");
    }

    store.delete("cd/x.bin");

    assertThat(store.find("cd/x.bin")).isEmpty();
  }

  @Test
  void keysCannotEscapeTheRoot() throws IOException {
    FileSystemBlobStore store = new FileSystemBlobStore(root);

    assertThatThrownBy(() -> store.find("../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.find("ab/../../x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.find("/abs")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.find(".incoming/x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static long filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).count();
    }
  }
}
