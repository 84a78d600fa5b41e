import type { ErrorCode, FileTransfer, TransferPath } from '@rs/signaling';
import { frameOffsets, FRAME_PAYLOAD_BYTES } from './chunk-plan';
import { encodeFrame } from './frame-codec';
import type { FileLinks } from './links/file-links';
import type { SendPath } from './links/send-path';
import { SendWindow } from './send-window';
import { ChunkReader } from './chunk-reader';
import { sha256Bytes } from './sha256';
import { isLive } from './transfer-state';

/**
 * Unacknowledged bytes a sender keeps in flight (acknowledgements are the receiver's file:progress,
 * sent at most every 250 ms or 4 MiB). Through the relay the window stays below the SFU's SCTP send
 * buffer per consumer (FILE_RELAY_SCTP_SEND_BUFFER, 12 MiB): mediasoup drops messages on overflow.
 */
export const RELAY_WINDOW_BYTES = 8 * 1024 * 1024;
export const P2P_WINDOW_BYTES = 16 * 1024 * 1024;
const RETRY_MS = 1_500;
const IDLE_CHECK_MS = 1_000;

export interface OutgoingDeps {
  readonly links: FileLinks;
  complete(transferId: string, sha256: string): Promise<void>;
  reportPath(transferId: string, path: TransferPath): void;
  fail(transferId: string, reason: ErrorCode): void;
  changed(transferId: string): void;
}

/**
 * One file being sent: reads chunks from blocks of the file (never the whole file), hashes each chunk,
 * frames it, writes frames with flow control, follows the receiver's acknowledgements and resend
 * requests, restarts from the verified prefix on a new path, and reports the whole-file hash.
 */
export class OutgoingTransfer {
  private transfer: FileTransfer;
  private loopGeneration = 0;
  private looping = false;
  private highestSent = 0;
  private resentBefore = 0;
  private window: SendWindow | null = null;
  private wake: (() => void) | null = null;
  private readonly reader: ChunkReader;
  private fileHash: Promise<string> | null = null;
  private completed = false;
  hashing = false;
  pathInUse: TransferPath | null = null;

  constructor(transfer: FileTransfer, file: File, private readonly deps: OutgoingDeps) {
    this.transfer = transfer;
    this.reader = new ChunkReader(file, transfer.chunkSize);
  }

  get id(): string {
    return this.transfer.transferId;
  }

  get linked(): boolean {
    return this.looping && this.pathInUse !== null;
  }

  /** Bytes sent more than once (after a drop, a reload or a bad chunk). */
  get bytesResent(): number {
    return this.resentBefore + (this.window?.bytesResent ?? 0);
  }

  update(transfer: FileTransfer): void {
    this.transfer = transfer;
    this.window?.acknowledge(transfer.verifiedChunks);
    const canSend = transfer.state === 'accepted' || transfer.state === 'running';
    if (canSend && !this.looping) this.start();
    else if (!canSend) this.stop();
    this.poke();
  }

  /** The receiver asks for chunks again from `fromChunk` (one failed its hash, or it lost frames). */
  resend(fromChunk: number): void {
    this.window?.rewind(fromChunk);
    this.poke();
  }

  stop(): void {
    this.loopGeneration += 1;
    this.looping = false;
    this.pathInUse = null;
    this.poke();
  }

  private start(): void {
    this.looping = true;
    const generation = (this.loopGeneration += 1);
    void this.run(generation).catch((error: unknown) => {
      console.warn('file send failed', error);
      if (generation === this.loopGeneration) this.deps.fail(this.id, 'FILE_READ_ERROR');
    });
  }

  private current(generation: number): boolean {
    return generation === this.loopGeneration && isLive(this.transfer.state);
  }

  private async run(generation: number): Promise<void> {
    const path = await this.deps.links.sendPath(this.transfer.receiverId);
    if (!this.current(generation)) return;
    if (!path) return this.retryLater(generation);
    if (this.pathInUse !== path.path || this.transfer.path !== path.path) this.deps.reportPath(this.id, path.path);
    this.pathInUse = path.path;
    this.deps.changed(this.id);
    this.resentBefore += this.window?.bytesResent ?? 0;
    const { size } = this.transfer.file;
    const windowBytes = path.path === 'relay' ? RELAY_WINDOW_BYTES : P2P_WINDOW_BYTES;
    const window = new SendWindow(size, this.transfer.chunkSize, this.transfer.verifiedChunks, Math.max(1, Math.floor(windowBytes / this.transfer.chunkSize)), this.highestSent);
    this.window = window;
    while (this.current(generation) && path.open) {
      if (window.allAcked) return this.finish();
      const range = window.take();
      if (!range) {
        await this.idle();
        continue;
      }
      this.highestSent = Math.max(this.highestSent, range.index + 1);
      await this.sendChunk(path, range.index, range.start, range.end, generation);
    }
    if (this.current(generation) && !path.open) this.retryLater(generation);
  }

  private async sendChunk(path: SendPath, index: number, start: number, end: number, generation: number): Promise<void> {
    const bytes = await this.reader.chunk(index);
    if (bytes.length !== end - start) throw new Error('file changed while sending');
    const chunkSha256 = await sha256Bytes(bytes);
    for (const offset of frameOffsets(bytes.length, FRAME_PAYLOAD_BYTES)) {
      await path.writable();
      if (!this.current(generation) || !path.open) return;
      const payload = bytes.subarray(offset, Math.min(bytes.length, offset + FRAME_PAYLOAD_BYTES));
      path.send(encodeFrame({ transferId: this.id, chunkIndex: index, offset, chunkLength: bytes.length, chunkSha256, payload }));
    }
  }

  private async finish(): Promise<void> {
    if (this.completed) return;
    this.completed = true;
    this.hashing = true;
    this.deps.changed(this.id);
    this.fileHash ??= this.reader.sha256();
    const sha256 = await this.fileHash;
    await this.deps.complete(this.id, sha256);
    this.hashing = false;
    this.deps.changed(this.id);
  }

  private retryLater(generation: number): void {
    this.pathInUse = null;
    this.deps.changed(this.id);
    setTimeout(() => {
      if (this.current(generation)) void this.run(generation);
    }, RETRY_MS);
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, IDLE_CHECK_MS);
      this.wake = done;
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
