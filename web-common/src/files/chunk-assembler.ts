import type { ChunkFrame } from './frame-codec';
import { chunkCountFor, chunkRange } from './chunk-plan';

/** What the receiver does with one frame. */
export type AssemblyStep =
  | { readonly kind: 'partial' }
  | { readonly kind: 'stale' }
  | { readonly kind: 'resend'; readonly fromChunk: number }
  | { readonly kind: 'chunk'; readonly index: number; readonly start: number; readonly bytes: Uint8Array; readonly sha256: Uint8Array };

/**
 * Resume bookkeeping on the receiving side. `verified` is the contiguous prefix of chunks assembled
 * and handed to the store, which checks and writes them in order (the receiver reports what the
 * store confirmed: the server keeps that number from file:progress, so it survives a reload).
 * Frames of the next chunk are assembled in one chunk-sized buffer (memory flat in file size);
 * anything out of order asks the sender once to resend from the first missing chunk.
 */
export class ChunkAssembler {
  readonly chunkCount: number;
  private buffer: Uint8Array;
  private filled = 0;
  private digest: Uint8Array | null = null;
  private awaitingResend = false;
  private verifiedChunks: number;

  constructor(
    private readonly size: number,
    private readonly chunkSize: number,
    verified: number,
  ) {
    this.chunkCount = chunkCountFor(size, chunkSize);
    this.verifiedChunks = Math.min(Math.max(0, verified), this.chunkCount);
    this.buffer = new Uint8Array(Math.min(chunkSize, size));
  }

  get verified(): number {
    return this.verifiedChunks;
  }

  get complete(): boolean {
    return this.verifiedChunks >= this.chunkCount;
  }

  accept(frame: ChunkFrame): AssemblyStep {
    const expected = this.verifiedChunks;
    if (frame.chunkIndex < expected) return { kind: 'stale' };
    if (frame.chunkIndex >= this.chunkCount) return { kind: 'stale' };
    if (frame.chunkIndex > expected) return this.askResend();
    const range = chunkRange(expected, this.size, this.chunkSize);
    if (frame.chunkLength !== range.end - range.start) return this.askResend();
    if (frame.offset === 0) {
      this.filled = 0;
      this.digest = frame.chunkSha256.slice();
      this.awaitingResend = false;
    } else if (this.awaitingResend) {
      return { kind: 'stale' };
    }
    if (frame.offset !== this.filled || !this.digest) return this.askResend();
    this.buffer.set(frame.payload, this.filled);
    this.filled += frame.payload.length;
    if (this.filled < frame.chunkLength) return { kind: 'partial' };
    return { kind: 'chunk', index: expected, start: range.start, bytes: this.buffer.subarray(0, this.filled), sha256: this.digest };
  }

  /** The assembled chunk passed its hash and is stored. */
  markVerified(index: number): void {
    if (index !== this.verifiedChunks) return;
    this.verifiedChunks += 1;
    this.filled = 0;
    this.digest = null;
  }

  /**
   * Chunk `index` failed its hash (possibly after later chunks were assembled: writes are
   * pipelined): go back to it and ask for it again. Nothing to do for a chunk not yet reached.
   */
  rejectChunk(index: number): AssemblyStep {
    if (index > this.verifiedChunks) return { kind: 'stale' };
    this.verifiedChunks = index;
    this.filled = 0;
    this.digest = null;
    this.awaitingResend = false;
    return this.askResend();
  }

  /** A fresh channel: the sender restarts from the verified prefix, forget any half chunk. */
  restart(verified = this.verifiedChunks): void {
    this.verifiedChunks = Math.min(Math.max(0, verified), this.chunkCount);
    this.filled = 0;
    this.digest = null;
    this.awaitingResend = false;
  }

  private askResend(): AssemblyStep {
    if (this.awaitingResend) return { kind: 'stale' };
    this.awaitingResend = true;
    this.filled = 0;
    this.digest = null;
    return { kind: 'resend', fromChunk: this.verifiedChunks };
  }
}
