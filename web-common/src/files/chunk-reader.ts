import { createSHA256, type IHasher } from 'hash-wasm';

/** The sender reads its file in blocks of this many bytes (a multiple of the chunk size) and keeps at most two. */
export const READ_BLOCK_BYTES = 1024 * 1024;
const HASH_PIECE_BYTES = 4 * 1024 * 1024;

/**
 * The sending side's view of its file: chunks are cut from blocks read with File.slice (one read
 * per block instead of one per chunk; the next block is read ahead while this one is sent), and the
 * whole-file SHA-256 runs along over the blocks as they are first read in order, so the file is
 * not read a second time to hash it (a resumed transfer reads the skipped prefix once at the end).
 * Memory: two blocks, whatever the file size.
 */
export class ChunkReader {
  private readonly blocks = new Map<number, Promise<Uint8Array>>();
  private readonly blockBytes: number;
  private hasher: Promise<IHasher> | null = null;
  private hashedTo = 0;
  /** Blocks reach the running hash in the order they were asked for. */
  private feed: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: Blob,
    private readonly chunkSize: number,
    blockBytes = READ_BLOCK_BYTES,
  ) {
    this.blockBytes = Math.max(1, Math.floor(blockBytes / chunkSize)) * chunkSize;
  }

  /** The bytes of chunk `index` (a view into a block: copy before keeping them). */
  async chunk(index: number): Promise<Uint8Array> {
    const start = index * this.chunkSize;
    const blockIndex = Math.floor(start / this.blockBytes);
    const block = this.block(blockIndex);
    // Read ahead (a failed read-ahead is read again, and reported, when its chunk is asked for).
    if ((blockIndex + 1) * this.blockBytes < this.file.size) this.block(blockIndex + 1).catch(() => undefined);
    for (const key of this.blocks.keys()) if (key < blockIndex || key > blockIndex + 1) this.blocks.delete(key);
    const bytes = await block;
    const at = start - blockIndex * this.blockBytes;
    return bytes.subarray(at, Math.min(bytes.length, at + this.chunkSize));
  }

  /** Whole-file SHA-256 (hex): the running hash, completed by reading what it has not seen. */
  async sha256(): Promise<string> {
    await this.feed;
    const hasher = await this.runningHasher();
    for (let at = this.hashedTo; at < this.file.size; at += HASH_PIECE_BYTES) {
      const piece = new Uint8Array(await this.file.slice(at, Math.min(this.file.size, at + HASH_PIECE_BYTES)).arrayBuffer());
      hasher.update(piece);
    }
    this.hashedTo = this.file.size;
    return hasher.digest('hex');
  }

  private block(blockIndex: number): Promise<Uint8Array> {
    const cached = this.blocks.get(blockIndex);
    if (cached) return cached;
    const start = blockIndex * this.blockBytes;
    const end = Math.min(this.file.size, start + this.blockBytes);
    const pending = this.file
      .slice(start, end)
      .arrayBuffer()
      .then((buffer) => {
        if (buffer.byteLength !== end - start) throw new Error('file changed while sending');
        return new Uint8Array(buffer);
      });
    this.blocks.set(blockIndex, pending);
    pending.catch(() => this.blocks.delete(blockIndex));
    this.feed = this.feed.then(async () => {
      const bytes = await pending.catch(() => null);
      if (!bytes || start !== this.hashedTo) return;
      (await this.runningHasher()).update(bytes);
      this.hashedTo = end;
    });
    return pending;
  }

  private runningHasher(): Promise<IHasher> {
    this.hasher ??= createSHA256().then((hasher) => {
      hasher.init();
      return hasher;
    });
    return this.hasher;
  }
}
