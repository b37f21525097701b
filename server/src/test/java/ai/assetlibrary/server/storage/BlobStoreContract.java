package ai.assetlibrary.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every blob store does, written once and run against each adapter: subclasses give the store
 * and the staging directory it stages in.
 */
public abstract class BlobStoreContract {

  /** A new, empty store. */
  protected abstract BlobStore store();

  /** Where {@link #store()} stages blobs. */
  protected abstract StagingDirectory staging();

  @Test
  void aCommittedBlobIsReadableUnderItsKeyAndNothingStaysStaged() throws IOException {
    byte[] bytes = "hello blob".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (PendingBlob blob = store().create("ab/ua_1.png")) {
      blob.write(bytes, 0, bytes.length);
      assertThat(blob.size()).isEqualTo(bytes.length);
      assertThat(Files.size(blob.stagingFile())).isEqualTo(bytes.length);
      blob.commit();
    }

    StoredBlob stored = store().find("ab/ua_1.png").orElseThrow();
    assertThat(stored.size()).isEqualTo(bytes.length);
    assertThat(read(stored, 0, stored.size())).isEqualTo(bytes);
    assertThat(staged()).isEmpty();
  }

  @Test
  void aRebuildableBlobIsCommittedAndDiscardedAsAnyOther() throws IOException {
    byte[] bytes = "a rendition".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (PendingBlob blob = store().createRebuildable("ab/ua_1-r.webp")) {
      blob.write(bytes, 0, bytes.length);
      blob.commit();
    }
    try (PendingBlob blob = store().createRebuildable("ab/ua_2-r.webp")) {
      blob.write(bytes, 0, bytes.length);
    }

    StoredBlob stored = store().find("ab/ua_1-r.webp").orElseThrow();
    assertThat(read(stored, 0, stored.size())).isEqualTo(bytes);
    assertThat(keys()).containsExactly("ab/ua_1-r.webp");
    assertThat(staged()).isEmpty();
  }

  @Test
  void aBlobIsReadableAsALocalFileAndNoCopyOutlivesIt() throws IOException {
    byte[] bytes = "pixels for a tool that reads files".getBytes(StandardCharsets.UTF_8);
    commit("ab/local.bin", bytes);

    try (LocalFile file = store().find("ab/local.bin").orElseThrow().localFile()) {
      assertThat(Files.readAllBytes(file.path())).isEqualTo(bytes);
    }

    assertThat(staged()).isEmpty();
    assertThat(keys()).containsExactly("ab/local.bin");
  }

  @Test
  void aRangedReadGivesExactlyTheRange() throws IOException {
    byte[] bytes = new byte[10_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31);
    }
    commit("cd/range.bin", bytes);
    StoredBlob stored = store().find("cd/range.bin").orElseThrow();

    assertThat(read(stored, 1234, 100)).isEqualTo(java.util.Arrays.copyOfRange(bytes, 1234, 1334));
    assertThat(read(stored, 9_999, 1)).containsExactly(bytes[9_999]);
    assertThat(read(stored, 5, 0)).isEmpty();
  }

  @Test
  void closingWithoutACommitDiscardsEverything() throws IOException {
    try (PendingBlob blob = store().create("ab/pending.bin")) {
      blob.write(new byte[1000], 0, 1000);
      assertThat(staged()).hasSize(1);
    }

    assertThat(staged()).isEmpty();
    assertThat(keys()).isEmpty();
  }

  @Test
  void aDeletedBlobIsGoneAndDeletingIsIdempotent() throws IOException {
    commit("ef/x.bin", new byte[] {1, 2, 3});
    StoredBlob found = store().find("ef/x.bin").orElseThrow();

    store().delete("ef/x.bin");
    store().delete("ef/x.bin");

    assertThat(store().find("ef/x.bin")).isEmpty();
    assertThatThrownBy(() -> found.open(0, 3)).isInstanceOf(BlobMissingException.class);
  }

  @Test
  void listingGivesEveryCommittedBlobWithItsTime() throws IOException {
    commit("aa/one.bin", new byte[] {1});
    commit("bb/two.bin", new byte[] {2});

    try (Stream<BlobEntry> entries = store().list()) {
      assertThat(entries.toList())
          .extracting(BlobEntry::key)
          .containsExactlyInAnyOrder("aa/one.bin", "bb/two.bin");
    }
  }

  @Test
  void discardingAbandonedWritesSparesTheOnesInProgress() throws IOException {
    Path abandoned = staging().directory().resolve("crashed.part");
    Files.write(abandoned, new byte[] {1, 2, 3});
    try (PendingBlob inProgress = store().create("ab/pending.bin")) {
      inProgress.write(new byte[] {4}, 0, 1);

      assertThat(store().discardAbandonedWrites()).isEqualTo(1);

      assertThat(abandoned).doesNotExist();
      assertThat(inProgress.stagingFile()).exists();
    }
  }

  @Test
  void aUsableStorePassesItsCheck() throws IOException {
    store().check();
    assertThat(staged()).isEmpty();
  }

  protected void commit(String key, byte[] bytes) throws IOException {
    try (PendingBlob blob = store().create(key)) {
      blob.write(bytes, 0, bytes.length);
      blob.commit();
    }
  }

  protected static byte[] read(StoredBlob blob, long offset, long length) throws IOException {
    try (InputStream in = blob.open(offset, length)) {
      return in.readAllBytes();
    }
  }

  protected List<Path> staged() throws IOException {
    try (Stream<Path> files = Files.list(staging().directory())) {
      return files.toList();
    }
  }

  private List<String> keys() throws IOException {
    try (Stream<BlobEntry> entries = store().list()) {
      return entries.map(BlobEntry::key).toList();
    }
  }
}
