package ai.assetlibrary.server.service;

import ai.assetlibrary.server.records.AssetRecord;
import ai.assetlibrary.server.records.RecordStore;

/** More to record in the transaction that records a new asset, so that both happen or neither. */
@FunctionalInterface
interface CommitStep {

  CommitStep NONE = (tx, asset) -> {};

  /** Runs in the transaction {@code tx}, after {@code asset} was recorded there. */
  void run(RecordStore tx, AssetRecord asset);
}
