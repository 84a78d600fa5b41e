import { CHUNK_STORE_DIR, partFileName, type ChunkStoreReply, type ChunkStoreRequest } from './chunk-store-protocol';

type Pending = { resolve: (reply: ChunkStoreReply & { ok: true }) => void; reject: (error: Error) => void };
type Request = ChunkStoreRequest extends infer R ? (R extends ChunkStoreRequest ? R : never) : never;

/**
 * Received chunks on disk (OPFS), one part file per transfer, written by a dedicated worker
 * (chunk-store-worker.ts). Requests are served in order, so a write acknowledged here is on disk
 * before the next request runs. The finished file is handed out as an OPFS File (disk-backed).
 */
export class ChunkStore {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly workerUrl: URL | string) {}

  /** Opens (creates) a part file; resolves to the bytes it already holds. */
  async open(key: string): Promise<number> {
    return (await this.call({ op: 'open', key })).size ?? 0;
  }

  /**
   * Writes bytes at an offset (copied at once: the caller may reuse its buffer). With `sha256` the
   * worker checks them first and resolves false, writing nothing, when they do not match (nor any
   * later write past that offset until it is written right). Writes may be pipelined: they run in order.
   */
  async write(key: string, offset: number, bytes: Uint8Array, sha256?: Uint8Array): Promise<boolean> {
    // new Uint8Array(view) copies exactly the view's bytes (slice() on a Buffer subclass would not).
    const copy = new Uint8Array(bytes).buffer;
    const digest = sha256 ? new Uint8Array(sha256).buffer : undefined;
    const reply = await this.call({ op: 'write', key, offset, bytes: copy, ...(digest ? { sha256: digest } : {}) }, digest ? [copy, digest] : [copy]);
    return reply.verified ?? true;
  }

  async read(key: string, offset: number, length: number): Promise<Uint8Array> {
    const reply = await this.call({ op: 'read', key, offset, length });
    return new Uint8Array(reply.bytes ?? new ArrayBuffer(0));
  }

  async truncate(key: string, length: number): Promise<void> {
    await this.call({ op: 'truncate', key, length });
  }

  /** SHA-256 (hex) of the first `length` bytes (the worker's running hash, completed from disk where needed). */
  async sha256(key: string, length: number): Promise<string> {
    return (await this.call({ op: 'hash', key, length })).sha256 ?? '';
  }

  async close(key: string): Promise<void> {
    await this.call({ op: 'close', key });
  }

  async remove(key: string): Promise<void> {
    await this.call({ op: 'remove', key });
  }

  /** The stored file (closes the worker's handle first: a sync handle locks the file). */
  async file(key: string): Promise<File> {
    await this.close(key);
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle(CHUNK_STORE_DIR, { create: true });
    return (await dir.getFileHandle(partFileName(key))).getFile();
  }

  /** Part files on disk (keys), e.g. to drop the ones no transfer needs any more. */
  async keys(): Promise<string[]> {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle(CHUNK_STORE_DIR, { create: true });
    const keys: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
      if (name.endsWith('.part')) keys.push(name.slice(0, -'.part'.length));
    }
    return keys;
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const pending of this.pending.values()) pending.reject(new Error('chunk store closed'));
    this.pending.clear();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerUrl, { name: 'files' });
    worker.onmessage = (event: MessageEvent<ChunkStoreReply>) => {
      const pending = this.pending.get(event.data.seq);
      if (!pending) return;
      this.pending.delete(event.data.seq);
      if (event.data.ok) pending.resolve(event.data);
      else pending.reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      for (const pending of this.pending.values()) pending.reject(new Error(`chunk store worker: ${event.message}`));
      this.pending.clear();
    };
    this.worker = worker;
    return worker;
  }

  private call(request: Request, transfer: Transferable[] = []): Promise<ChunkStoreReply & { ok: true }> {
    const worker = this.ensureWorker();
    const seq = (this.seq += 1);
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.postMessage({ ...request, seq }, transfer);
    });
  }
}
