package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Failure;
import ai.assetlibrary.server.domain.FailureDetails;
import ai.assetlibrary.server.domain.LibraryException;
import ai.assetlibrary.server.media.AcceptedType;
import ai.assetlibrary.server.media.EncodedRendition;
import ai.assetlibrary.server.media.MediaAnalyzer;
import ai.assetlibrary.server.media.MediaFamily;
import ai.assetlibrary.server.media.RenditionException;
import ai.assetlibrary.server.media.RenditionPermit;
import ai.assetlibrary.server.metrics.AssetMetrics;
import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.RecordStore;
import ai.assetlibrary.server.records.RenditionRecord;
import ai.assetlibrary.server.service.RenditionRules.Resolved;
import ai.assetlibrary.server.storage.BlobKeys;
import ai.assetlibrary.server.storage.BlobStore;
import ai.assetlibrary.server.storage.LocalFile;
import ai.assetlibrary.server.storage.PendingBlob;
import ai.assetlibrary.server.storage.Sha256;
import ai.assetlibrary.server.storage.StoredBlob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renditions of an asset's picture: found among those stored, or rendered on the media workers from
 * the original, stored as a derived blob with a record, and served from then on. One rendition is
 * rendered once per process however many requests ask for it at once (they wait for the one
 * rendering it); instances that render the same one at once keep the first recorded.
 */
public final class RenditionService {

  private static final int BUSY_RETRY_SECONDS = 1;

  private final RecordStore records;
  private final BlobStore blobs;
  private final MediaAnalyzer media;
  private final RenditionRules rules;
  private final AssetFiles files;
  private final AssetMetrics metrics;
  private final Clock clock;
  private final ConcurrentHashMap<String, CompletableFuture<RenditionRecord>> rendering =
      new ConcurrentHashMap<>();

  public RenditionService(
      RecordStore records,
      BlobStore blobs,
      MediaAnalyzer media,
      RenditionRules rules,
      AssetFiles files,
      AssetMetrics metrics,
      Clock clock) {
    this.records = records;
    this.blobs = blobs;
    this.media = media;
    this.rules = rules;
    this.files = files;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** A stored rendition, and whether {@code Accept} chose its format. */
  public record Found(RenditionRecord rendition, StoredBlob blob, boolean negotiated) {}

  /**
   * The rendition {@code query} asks for of {@code asset}, reached through its thumbnail's key when
   * {@code viaThumbnail}, rendered now when it is not stored yet; empty when its bytes are gone
   * (the asset was deleted meanwhile).
   */
  public Optional<Found> find(
      AssetRecord asset, boolean viaThumbnail, RenditionQuery query, String accept) {
    Wanted wanted = wanted(asset, viaThumbnail, query, accept);
    Optional<RenditionRecord> stored = records.deliveries().rendition(asset.id(), wanted.key());
    if (stored.isPresent()) {
      Optional<Found> found = intact(stored.get(), wanted);
      if (found.isPresent()) {
        countHit();
        return found;
      }
      // Its blob was lost or cut short (written without waiting for the disk, before a crash).
      records.renditions().forget(stored.get().storageKey());
    }
    RenditionRecord rendition = renderOnce(asset, wanted.type(), wanted.resolved());
    return blob(rendition.storageKey())
        .map(b -> new Found(rendition, b, wanted.resolved().negotiated()));
  }

  /**
   * The same rendition when it is stored whole already, rendering nothing; empty otherwise. Not
   * counted as a hit: whoever answers with it counts it ({@link #countHit}).
   *
   * @throws LibraryException as {@link #find} does, for parameters it refuses
   */
  public Optional<Found> findStored(
      AssetRecord asset, boolean viaThumbnail, RenditionQuery query, String accept) {
    Wanted wanted = wanted(asset, viaThumbnail, query, accept);
    return records
        .deliveries()
        .rendition(asset.id(), wanted.key())
        .flatMap(stored -> intact(stored, wanted));
  }

  /** A rendition asked for: the type it is rendered from and the parameters it resolved to. */
  private record Wanted(AcceptedType type, Resolved resolved) {
    String key() {
      return resolved.key();
    }
  }

  private Wanted wanted(
      AssetRecord asset, boolean viaThumbnail, RenditionQuery query, String accept) {
    AcceptedType type = AcceptedType.of(asset.mimeType()).orElse(null);
    if (type == null) {
      throw unsupported("The server renders no file of this type; fetch it without parameters.");
    }
    Resolved resolved =
        rules.resolve(query, accept, type, asset.width(), asset.height(), asset.durationSeconds());
    if (viaThumbnail) {
      throw unsupported("Renditions are made from an asset's url, not from its thumbnail.");
    }
    if (type.family() == MediaFamily.AUDIO) {
      throw unsupported(
          "Audio has no picture to render; fetch the url without rendition parameters.");
    }
    return new Wanted(type, resolved);
  }

  /** A stored rendition answered without rendering it. */
  public void countHit() {
    metrics.renditionRequest("hit");
  }

  /** The stored rendition with its blob, unless the blob is missing or short. */
  private Optional<Found> intact(RenditionRecord stored, Wanted wanted) {
    Optional<StoredBlob> blob = blob(stored.storageKey());
    if (blob.isEmpty() || blob.get().size() != stored.sizeBytes()) {
      return Optional.empty();
    }
    return Optional.of(new Found(stored, blob.get(), wanted.resolved().negotiated()));
  }

  /** Renders the rendition, or waits for the request of this process already rendering it. */
  private RenditionRecord renderOnce(AssetRecord asset, AcceptedType type, Resolved resolved) {
    String flight = asset.id() + "/" + resolved.key();
    CompletableFuture<RenditionRecord> mine = new CompletableFuture<>();
    CompletableFuture<RenditionRecord> theirs = rendering.putIfAbsent(flight, mine);
    if (theirs != null) {
      try {
        return theirs.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }
    try {
      RenditionRecord rendition =
          records
              .deliveries()
              .rendition(asset.id(), resolved.key())
              .orElseGet(() -> renderAndStore(asset, type, resolved));
      mine.complete(rendition);
      return rendition;
    } catch (Throwable e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      rendering.remove(flight, mine);
    }
  }

  private RenditionRecord renderAndStore(AssetRecord asset, AcceptedType type, Resolved resolved) {
    EncodedRendition encoded;
    try {
      encoded = renderFromOriginal(asset, type, resolved);
    } catch (RenditionException e) {
      metrics.renditionRequest("refused");
      throw refusal(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String storageKey = BlobKeys.newKey(encoded.format().extension());
    byte[] bytes = encoded.bytes();
    try (PendingBlob blob = blobs.createRebuildable(storageKey)) {
      blob.write(bytes, 0, bytes.length);
      blob.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    RenditionRecord rendition =
        new RenditionRecord(
            asset.id(),
            resolved.key(),
            storageKey,
            encoded.format().mimeType(),
            Sha256.hex(bytes),
            bytes.length,
            encoded.width(),
            encoded.height(),
            clock.millis());
    boolean recorded;
    try {
      recorded = records.renditions().insertIfAbsent(rendition);
    } catch (RuntimeException e) {
      files.remove(storageKey);
      if (records.assets().findById(asset.id()).isEmpty()) {
        // Deleted while it rendered: the reference to it failed at the commit.
        throw new LibraryException(Failure.NOT_FOUND, "Not found.");
      }
      throw e;
    }
    if (recorded) {
      metrics.renditionRequest("rendered");
      return rendition;
    }
    // Another instance recorded it first, or the asset was deleted meanwhile.
    files.remove(storageKey);
    return records
        .deliveries()
        .rendition(asset.id(), resolved.key())
        .orElseThrow(() -> new LibraryException(Failure.NOT_FOUND, "Not found."));
  }

  /**
   * Renders from the original as a local file (a copy, when it is in a bucket), taking the
   * rendition's place on the media workers first so that refused work copies nothing.
   */
  private EncodedRendition renderFromOriginal(
      AssetRecord asset, AcceptedType type, Resolved resolved)
      throws RenditionException, IOException {
    StoredBlob original =
        blob(asset.storageKey())
            .orElseThrow(() -> new LibraryException(Failure.NOT_FOUND, "Not found."));
    try (RenditionPermit permit = media.admitRendition();
        LocalFile file = original.localFile()) {
      return media.render(permit, file.path(), type, resolved.spec());
    }
  }

  private Optional<StoredBlob> blob(String storageKey) {
    try {
      return blobs.find(storageKey);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static LibraryException unsupported(String message) {
    return new LibraryException(Failure.RENDITION_UNSUPPORTED, message);
  }

  private static LibraryException refusal(RenditionException e) {
    return switch (e.reason()) {
      case BUSY ->
          new LibraryException(
              Failure.RENDITION_BUSY,
              e.getMessage() + " Retry in " + BUSY_RETRY_SECONDS + " second.",
              FailureDetails.retryAfterSeconds(BUSY_RETRY_SECONDS));
      case TIMEOUT -> new LibraryException(Failure.RENDITION_TIMEOUT, e.getMessage());
      case UNSUPPORTED, UNREADABLE ->
          new LibraryException(Failure.RENDITION_UNSUPPORTED, e.getMessage());
    };
  }
}
