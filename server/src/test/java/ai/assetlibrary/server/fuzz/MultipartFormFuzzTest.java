package ai.assetlibrary.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.errors.ErrorCatalog;
import ai.assetlibrary.server.errors.FailureCodes;
import ai.assetlibrary.server.media.MediaTypeDetector;
import ai.assetlibrary.server.storage.StagingDirectory;
import ai.assetlibrary.server.storage.filesystem.FileSystemBlobStore;
import ai.assetlibrary.server.upload.FileIngestor;
import ai.assetlibrary.server.upload.MultipartFormReader;
import ai.assetlibrary.server.upload.UploadForm;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes the streaming multipart reader with the blob store behind it: whatever the body, reading
 * it ends in a form or in a 4xx {@link LibraryException}, never another exception, and leaves no
 * temporary file. The build fuzzes it for 20 s in a JVM of its own, starting from the seeds in
 * {@code MultipartFormFuzzTestInputs/}; for an hour: {@code JAZZER_FUZZ=1 mvn -pl server
 * surefire:test -Dtest='MultipartFormFuzzTest#forAnHour'}.
 */
class MultipartFormFuzzTest {

  private static final String CONTENT_TYPE = "multipart/form-data; boundary=boundary";
  private static final long MAX_FILE_BYTES = 256 * 1024;

  private static StagingDirectory staging;
  private static MultipartFormReader reader;
  private static FileIngestor ingestor;

  @BeforeAll
  static void createStore() throws IOException {
    Path root = Files.createTempDirectory("fuzz-multipart");
    staging = new StagingDirectory(FileSystemBlobStore.stagingDirectoryOf(root));
    FileSystemBlobStore blobs = new FileSystemBlobStore(root, staging);
    reader = new MultipartFormReader(MAX_FILE_BYTES);
    ingestor = new FileIngestor(blobs, new MediaTypeDetector(), MAX_FILE_BYTES);
  }

  @FuzzTest(maxDuration = "20s")
  void briefly(byte[] body) throws IOException {
    readOnce(body);
  }

  @FuzzTest(maxDuration = "1h")
  void forAnHour(byte[] body) throws IOException {
    readOnce(body);
  }

  private static void readOnce(byte[] body) throws IOException {
    try (UploadForm form =
        reader.read(CONTENT_TYPE, new ByteArrayInputStream(body), "file", ingestor::ingest)) {
      assertThat(form.fields()).isNotNull();
    } catch (LibraryException e) {
      assertThat(ErrorCatalog.statusOf(FailureCodes.serviceCode(e.failure())))
          .as(e.getMessage())
          .isBetween(400, 499);
    }
    try (Stream<Path> left = Files.list(staging.directory())) {
      assertThat(left).as("temporary files").isEmpty();
    }
  }
}
