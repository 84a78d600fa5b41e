import type { ErrorCode, FileTransfer } from '@rs/signaling';
import { ChunkAssembler } from './chunk-assembler';
import { bytesInChunks } from './chunk-plan';
import type { ChunkStore } from './chunk-store';
import type { ChunkFrame } from './frame-codec';
import { ProgressReporter } from './progress-reporter';

/** A receiver repeats its resume point at most this often when the sender restarts below it. */
const REPEAT_PROGRESS_MS = 500;

export interface IncomingDeps {
  readonly store: ChunkStore;
  progress(transferId: string, verifiedChunks: number, reset: boolean): void;
  resend(transferId: string, fromChunk: number): void;
  complete(transferId: string, sha256: string): Promise<void>;
  fail(transferId: string, reason: ErrorCode): void;
  changed(transferId: string): void;
}

/**
 * One file being received: frames are assembled chunk by chunk; each chunk goes to the store's
 * worker, which checks its SHA-256 before writing it at its offset in the OPFS part file (writes
 * are pipelined: the next chunk is assembled while the last one is checked and written). The
 * verified, stored prefix is reported (file:progress: the sender's acknowledgement and the resume
 * point kept by the server) at most every PROGRESS_EVERY_MS or PROGRESS_EVERY_CHUNKS; a bad chunk
 * is asked again (file:resend); the whole-file hash comes from the store at the end.
 */
export class IncomingTransfer {
  private transfer: FileTransfer;
  private assembler: ChunkAssembler | null = null;
  private queue: Promise<void> = Promise.resolve();
  /** The last write handed to the store (they complete in order). */
  private lastWrite: Promise<void> = Promise.resolve();
  private started: Promise<void> | null = null;
  private reporter: ProgressReporter | null = null;
  /** Chunks checked and on disk (contiguous prefix): the resume point. */
  private stored = 0;
  private lastRepeat = 0;
  private finished = false;
  private disposed = false;
  hashing = false;
  /** Frames received from the current path (the page shows it is linked). */
  framesSeen = 0;

  constructor(transfer: FileTransfer, private readonly deps: IncomingDeps) {
    this.transfer = transfer;
  }

  get id(): string {
    return this.transfer.transferId;
  }

  get verified(): number {
    return this.assembler ? this.stored : this.transfer.verifiedChunks;
  }

  update(transfer: FileTransfer): void {
    this.transfer = transfer;
  }

  /** Opens the part file and tells the sender where to start (also after a reload or a reconnect). */
  start(): Promise<void> {
    this.started ??= this.open().catch((error: unknown) => {
      console.warn('file store failed', error);
      this.deps.fail(this.id, storeError(error));
    });
    return this.started;
  }

  /** A new link or a reconnect: say again where to resume (moves paused -> running on the server). */
  resume(): void {
    void this.start()
      .then(() => this.lastWrite)
      .then(() => {
        if (!this.assembler || this.disposed) return;
        this.assembler.restart(this.stored);
        this.reporter?.now(this.stored);
      });
  }

  onFrame(frame: ChunkFrame): void {
    this.framesSeen += 1;
    this.queue = this.queue.then(() => this.process(frame)).catch((error: unknown) => this.failed(error));
  }

  dispose(): void {
    this.disposed = true;
    this.reporter?.stop();
  }

  private async open(): Promise<void> {
    const { size } = this.transfer.file;
    const { chunkSize } = this.transfer;
    const onDisk = await this.deps.store.open(this.id);
    let verified = this.transfer.verifiedChunks;
    let reset = false;
    // The server's resume point needs those bytes on disk (site data cleared, other browser): start lower.
    if (onDisk < bytesInChunks(verified, size, chunkSize)) {
      verified = Math.floor(onDisk / chunkSize);
      reset = true;
    }
    this.stored = verified;
    this.assembler = new ChunkAssembler(size, chunkSize, verified);
    this.reporter = new ProgressReporter((chunks) => {
      if (!this.disposed) this.deps.progress(this.id, chunks, false);
      this.deps.changed(this.id);
    }, verified);
    this.deps.progress(this.id, verified, reset);
    if (this.assembler.complete) await this.finish();
  }

  private async process(frame: ChunkFrame): Promise<void> {
    await this.start();
    const assembler = this.assembler;
    if (!assembler || this.disposed || this.finished) return;
    const step = assembler.accept(frame);
    if (step.kind === 'resend') this.deps.resend(this.id, step.fromChunk);
    if (step.kind === 'stale' && frame.offset === 0 && frame.chunkIndex < this.stored) this.repeatProgress();
    if (step.kind !== 'chunk') return;
    // The store copies the bytes at once: the assembler reuses its buffer for the next chunk.
    const written = this.deps.store.write(this.id, step.start, step.bytes, step.sha256);
    assembler.markVerified(step.index);
    this.lastWrite = written.then((ok) => this.onStored(step.index, ok), (error: unknown) => this.failed(error));
  }

  /** The store answered for chunk `index` (answers come in order). */
  private onStored(index: number, ok: boolean): void {
    if (this.disposed || this.finished || !this.assembler) return;
    if (!ok) {
      // Only the first bad chunk matters: later ones were refused because of it.
      if (index !== this.stored) return;
      const again = this.assembler.rejectChunk(index);
      if (again.kind === 'resend') this.deps.resend(this.id, again.fromChunk);
      return;
    }
    if (index !== this.stored) return;
    this.stored = index + 1;
    if (this.stored >= this.assembler.chunkCount) {
      this.reporter?.now(this.stored);
      void this.finish().catch((error: unknown) => this.failed(error));
    } else {
      this.reporter?.advance(this.stored);
    }
  }

  private repeatProgress(): void {
    const now = Date.now();
    if (now - this.lastRepeat < REPEAT_PROGRESS_MS) return;
    this.lastRepeat = now;
    this.reporter?.now(this.stored);
  }

  private failed(error: unknown): void {
    console.warn('file chunk failed', error);
    this.deps.fail(this.id, storeError(error));
  }

  private async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.reporter?.stop();
    this.hashing = true;
    this.deps.changed(this.id);
    const sha256 = await this.deps.store.sha256(this.id, this.transfer.file.size);
    await this.deps.store.close(this.id);
    await this.deps.complete(this.id, sha256);
    this.hashing = false;
    this.deps.changed(this.id);
  }
}

/** A full disk says so; anything else is a write error. */
function storeError(error: unknown): ErrorCode {
  return error instanceof Error && /quota|full/i.test(`${error.name} ${error.message}`) ? 'STORAGE_FULL' : 'FILE_WRITE_ERROR';
}
