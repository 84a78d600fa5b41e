import { isFinalTransferState } from '@rs/signaling';
import type { FileTransfer } from '@rs/signaling';
import type { MessageKey } from '../i18n/catalogs/en';
import type { MessageParams } from '../i18n/i18n';

/** Where the files of one folder-mode transfer go. */
export interface BatchTarget {
  /** Shown in the status line: "Documents/Logs". */
  readonly where: string;
  /** Fetched files written into my folder below this path; null: sent to the customer, or downloaded (no folder of mine). */
  readonly localPath: readonly string[] | null;
  /** Fetched while I had no folder of my own: the files went to the browser's downloads. */
  readonly downloads: boolean;
}

export interface BatchStatus {
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly tone: 'info' | 'success' | 'error';
}

interface Batch {
  readonly target: BatchTarget;
  readonly transfers: Map<string, FileTransfer>;
  /** Fetched files already written into my folder (a verified file is done only then). */
  readonly written: Set<string>;
}

/**
 * The transfers folder mode started (one batch per send or fetch): their combined progress,
 * whether a batch is complete (verified and, for fetched files, written into my folder) and
 * the status line that says what completed ("3 files copied to Documents/Logs").
 */
export class FolderBatches {
  private readonly batches = new Map<string, Batch>();
  private readonly batchOf = new Map<string, Batch>();

  /** A transfer of a batch (the first one opens the batch with its target). */
  add(transfer: FileTransfer, target: BatchTarget): void {
    let batch = this.batches.get(transfer.batchId);
    if (!batch) {
      batch = { target, transfers: new Map(), written: new Set() };
      this.batches.set(transfer.batchId, batch);
    }
    batch.transfers.set(transfer.transferId, transfer);
    this.batchOf.set(transfer.transferId, batch);
  }

  hasBatch(batchId: string): boolean {
    return this.batches.has(batchId);
  }

  follows(transferId: string): boolean {
    return this.batchOf.has(transferId);
  }

  /** A newer state of a followed transfer; false when it is not one of mine. */
  update(transfer: FileTransfer): boolean {
    const batch = this.batchOf.get(transfer.transferId);
    if (!batch) return false;
    batch.transfers.set(transfer.transferId, transfer);
    return true;
  }

  /** Where a fetched file goes in my folder (null: not into my folder). */
  localPathOf(transferId: string): readonly string[] | null {
    return this.batchOf.get(transferId)?.target.localPath ?? null;
  }

  markWritten(transferId: string): void {
    this.batchOf.get(transferId)?.written.add(transferId);
  }

  /** Transfers still moving (or about to): what Cancel stops. */
  unfinished(): FileTransfer[] {
    return [...this.batches.values()].flatMap((batch) => [...batch.transfers.values()]).filter((t) => !isFinalTransferState(t.state));
  }

  /** Bytes verified of the batches not complete yet; null when none is running. */
  progress(): { done: number; total: number } | null {
    const open = [...this.batches.values()].filter((batch) => !this.complete(batch));
    if (open.length === 0) return null;
    let done = 0;
    let total = 0;
    for (const transfer of open.flatMap((batch) => [...batch.transfers.values()])) {
      total += transfer.file.size;
      done += transfer.state === 'verified' ? transfer.file.size : Math.min(transfer.file.size, transfer.verifiedChunks * transfer.chunkSize);
    }
    return { done, total };
  }

  /** The status line for the batch of this transfer: running, or what completed once every file is final. */
  statusOf(transferId: string): BatchStatus | null {
    const batch = this.batchOf.get(transferId);
    if (!batch) return null;
    const all = [...batch.transfers.values()];
    const copied = all.filter((t) => t.state === 'verified').length;
    const { where, downloads } = batch.target;
    const params = { count: copied, total: all.length, where };
    if (!this.complete(batch)) return { key: 'folder.progress.copying', params, tone: 'info' };
    if (all.some((t) => t.state === 'cancelled')) return { key: 'folder.done.cancelledSome', params, tone: 'info' };
    if (copied < all.length) return { key: 'folder.done.someFailed', params, tone: 'error' };
    return { key: downloads ? 'folder.done.downloaded' : 'folder.done.copied', params, tone: 'success' };
  }

  private complete(batch: Batch): boolean {
    return [...batch.transfers.values()].every((t) => isFinalTransferState(t.state) && (t.state !== 'verified' || batch.target.localPath === null || batch.written.has(t.transferId)));
  }
}
