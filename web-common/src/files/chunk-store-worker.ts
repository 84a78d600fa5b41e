/**
 * The chunk store's worker (bundled on its own as files-worker.js by scripts/build.mjs): received
 * chunks are checked against their SHA-256 and written to the Origin Private File System through a
 * FileSystemSyncAccessHandle at their offset (a never-closed createWritable() would come back empty
 * after a reload; a sync handle writes in place). Hashing here keeps it off the page's main thread.
 * The whole-file hash runs along as chunks are written in order (a resumed file first reads its
 * stored prefix back), so the end of a transfer does not read the file again.
 */
import { createSHA256, type IHasher } from 'hash-wasm';
import { CHUNK_STORE_DIR, partFileName, type ChunkStoreReply, type ChunkStoreRequest } from './chunk-store-protocol';

interface SyncHandle {
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}

/** One open part file: its handle, the running whole-file hash over [0, hashedTo), and the first offset that failed its check. */
interface Part {
  readonly handle: SyncHandle;
  hasher: IHasher | null;
  hashedTo: number;
  failedAt: number | null;
}

const HASH_PIECE_BYTES = 4 * 1024 * 1024;
const parts = new Map<string, Part>();
let chunkHasher: Promise<IHasher> | null = null;
interface WorkerScope {
  onmessage: ((event: MessageEvent<ChunkStoreRequest & { seq: number }>) => void) | null;
  postMessage(message: ChunkStoreReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

async function folder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(CHUNK_STORE_DIR, { create: true });
}

async function partFor(key: string): Promise<Part> {
  const open = parts.get(key);
  if (open) return open;
  const file = await (await folder()).getFileHandle(partFileName(key), { create: true });
  const handle = await (file as unknown as { createSyncAccessHandle(): Promise<SyncHandle> }).createSyncAccessHandle();
  const part: Part = { handle, hasher: null, hashedTo: 0, failedAt: null };
  parts.set(key, part);
  return part;
}

function close(key: string): void {
  const part = parts.get(key);
  if (!part) return;
  parts.delete(key);
  part.handle.flush();
  part.handle.close();
}

/** Feeds the stored bytes [hashedTo, to) into the running hash (a resumed or rewritten file). */
async function catchUp(part: Part, to: number): Promise<IHasher> {
  if (!part.hasher) {
    part.hasher = await createSHA256();
    part.hasher.init();
    part.hashedTo = 0;
  }
  if (part.hashedTo >= to) return part.hasher;
  const piece = new Uint8Array(Math.min(HASH_PIECE_BYTES, to - part.hashedTo));
  while (part.hashedTo < to) {
    const view = piece.subarray(0, Math.min(piece.length, to - part.hashedTo));
    const read = part.handle.read(view, { at: part.hashedTo });
    if (read !== view.length) throw new Error(`short read at ${part.hashedTo}`);
    part.hasher.update(view);
    part.hashedTo += view.length;
  }
  return part.hasher;
}

async function matches(bytes: Uint8Array, expected: ArrayBuffer): Promise<boolean> {
  chunkHasher ??= createSHA256();
  const hasher = await chunkHasher;
  hasher.init();
  hasher.update(bytes);
  const digest = hasher.digest('binary');
  const want = new Uint8Array(expected);
  return digest.length === want.length && digest.every((b, i) => b === want[i]);
}

async function write(request: Extract<ChunkStoreRequest, { op: 'write' }>): Promise<{ verified: boolean }> {
  const part = await partFor(request.key);
  const bytes = new Uint8Array(request.bytes);
  const { offset } = request;
  // After a chunk failed, nothing past it is written until it is written right (the stored prefix stays verified).
  if (part.failedAt !== null && offset > part.failedAt) return { verified: false };
  if (request.sha256 && !(await matches(bytes, request.sha256))) {
    part.failedAt = part.failedAt === null ? offset : Math.min(part.failedAt, offset);
    return { verified: false };
  }
  if (part.failedAt === offset) part.failedAt = null;
  const hasher = offset >= part.hashedTo ? await catchUp(part, offset) : null;
  const written = part.handle.write(bytes, { at: offset });
  if (written !== bytes.length) throw new Error('short write (disk full?)');
  if (hasher && part.hashedTo === offset) {
    hasher.update(bytes);
    part.hashedTo += bytes.length;
  }
  return { verified: true };
}

async function hash(key: string, length: number): Promise<string> {
  const part = await partFor(key);
  if (part.hashedTo > length) part.hasher = null;
  const digest = (await catchUp(part, length)).digest('hex');
  part.hasher = null;
  part.hashedTo = 0;
  return digest;
}

async function run(request: ChunkStoreRequest): Promise<Omit<ChunkStoreReply & { ok: true }, 'seq' | 'ok'>> {
  switch (request.op) {
    case 'open':
      return { size: (await partFor(request.key)).handle.getSize() };
    case 'write':
      return write(request);
    case 'read': {
      const bytes = new Uint8Array(request.length);
      const read = (await partFor(request.key)).handle.read(bytes, { at: request.offset });
      return { bytes: bytes.buffer.slice(0, read) };
    }
    case 'truncate': {
      const part = await partFor(request.key);
      part.handle.truncate(request.length);
      part.handle.flush();
      if (part.hashedTo > request.length) {
        part.hasher = null;
        part.hashedTo = 0;
      }
      return { size: request.length };
    }
    case 'hash':
      return { sha256: await hash(request.key, request.length) };
    case 'close':
      close(request.key);
      return {};
    case 'remove':
      close(request.key);
      await (await folder()).removeEntry(partFileName(request.key)).catch(() => undefined);
      return {};
  }
}

// Requests run strictly one after another, in the order they were posted.
let queue: Promise<unknown> = Promise.resolve();
scope.onmessage = (event) => {
  const { seq } = event.data;
  queue = queue.then(() =>
    run(event.data).then(
      (result) => scope.postMessage({ seq, ok: true, ...result } satisfies ChunkStoreReply, result.bytes ? [result.bytes] : []),
      (error: unknown) => scope.postMessage({ seq, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies ChunkStoreReply, []),
    ),
  );
};
