package ai.assetlibrary.server.storage;

import ai.assetlibrary.server.storage.filesystem.FileSystemBlobStore;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The blob store contract on files in a real directory. */
class FileSystemBlobStoreTest extends BlobStoreContract {

  @TempDir Path root;

  private StagingDirectory staging;
  private FileSystemBlobStore store;

  @BeforeEach
  void open() throws IOException {
    staging = new StagingDirectory(FileSystemBlobStore.stagingDirectoryOf(root));
    store = new FileSystemBlobStore(root, staging);
  }

  @Override
  protected BlobStore store() {
    return store;
  }

  @Override
  protected StagingDirectory staging() {
    return staging;
  }
}
