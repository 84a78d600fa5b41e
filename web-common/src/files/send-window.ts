import { bytesInChunks, chunkCountFor, chunkRange, type ChunkRange } from './chunk-plan';

/**
 * Resume bookkeeping on the sending side: which chunk goes next, how many may be in flight
 * (unacknowledged by the receiver's file:progress), rewinds on file:resend or after a drop,
 * and how many bytes were sent more than once (the resume cost).
 */
export class SendWindow {
  readonly chunkCount: number;
  private next: number;
  private acked: number;
  private highestSent = 0;
  private resent = 0;

  constructor(
    private readonly size: number,
    private readonly chunkSize: number,
    verified: number,
    private windowChunks: number,
    /** Chunks already sent once before (an earlier path or page): sending them again counts as resent. */
    sentBefore = 0,
  ) {
    this.chunkCount = chunkCountFor(size, chunkSize);
    this.acked = clamp(verified, this.chunkCount);
    this.next = this.acked;
    this.highestSent = Math.max(this.acked, clamp(sentBefore, this.chunkCount));
  }

  get nextChunk(): number {
    return this.next;
  }

  get ackedChunks(): number {
    return this.acked;
  }

  get bytesResent(): number {
    return this.resent;
  }

  get allSent(): boolean {
    return this.next >= this.chunkCount;
  }

  get allAcked(): boolean {
    return this.acked >= this.chunkCount;
  }

  setWindow(chunks: number): void {
    this.windowChunks = Math.max(1, chunks);
  }

  /** The next chunk to send, or null when the window is full or everything is sent. */
  take(): ChunkRange | null {
    if (this.allSent || this.next - this.acked >= this.windowChunks) return null;
    const range = chunkRange(this.next, this.size, this.chunkSize);
    if (this.next < this.highestSent) this.resent += range.end - range.start;
    this.next += 1;
    this.highestSent = Math.max(this.highestSent, this.next);
    return range;
  }

  /** The receiver's verified prefix moved (file:progress). `reset` lowers it (receiver lost its store). */
  acknowledge(verified: number, reset = false): void {
    const value = clamp(verified, this.chunkCount);
    if (reset) {
      this.acked = value;
      this.next = value;
      return;
    }
    if (value <= this.acked) return;
    this.acked = value;
    if (this.next < this.acked) this.next = this.acked;
  }

  /** Send again from `fromChunk` (a chunk failed its hash, or a new channel after a drop). */
  rewind(fromChunk: number): void {
    this.next = Math.max(this.acked, Math.min(clamp(fromChunk, this.chunkCount), this.next));
  }

  /** Bytes the receiver confirmed. */
  get bytesAcked(): number {
    return bytesInChunks(this.acked, this.size, this.chunkSize);
  }
}

function clamp(value: number, max: number): number {
  return Math.min(Math.max(0, Math.floor(value)), max);
}
