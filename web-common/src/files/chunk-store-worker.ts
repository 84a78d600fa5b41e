/**
 * The chunk store's worker (bundled on its own as files-worker.js by scripts/build.mjs): received
 * chunks go to the Origin Private File System through a FileSystemSyncAccessHandle, written at
 * their offset (a never-closed createWritable() would come back empty after a reload; a sync
 * handle writes in place). The whole-file hash is computed here too, piece by piece from disk.
 */
import { createSHA256 } from 'hash-wasm';
import { CHUNK_STORE_DIR, partFileName, type ChunkStoreReply, type ChunkStoreRequest } from './chunk-store-protocol';

interface SyncHandle {
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  getSize(): number;
  flush(): void;
  close(): void;
}

const HASH_PIECE_BYTES = 4 * 1024 * 1024;
const handles = new Map<string, SyncHandle>();
interface WorkerScope {
  onmessage: ((event: MessageEvent<ChunkStoreRequest & { seq: number }>) => void) | null;
  postMessage(message: ChunkStoreReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

async function folder(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(CHUNK_STORE_DIR, { create: true });
}

async function handleFor(key: string): Promise<SyncHandle> {
  const open = handles.get(key);
  if (open) return open;
  const file = await (await folder()).getFileHandle(partFileName(key), { create: true });
  const handle = (await (file as unknown as { createSyncAccessHandle(): Promise<SyncHandle> }).createSyncAccessHandle());
  handles.set(key, handle);
  return handle;
}

function close(key: string): void {
  const handle = handles.get(key);
  if (!handle) return;
  handles.delete(key);
  handle.flush();
  handle.close();
}

async function hash(key: string, length: number): Promise<string> {
  const handle = await handleFor(key);
  const hasher = await createSHA256();
  hasher.init();
  const piece = new Uint8Array(Math.min(HASH_PIECE_BYTES, Math.max(1, length)));
  for (let at = 0; at < length; at += piece.length) {
    const view = piece.subarray(0, Math.min(piece.length, length - at));
    const read = handle.read(view, { at });
    if (read !== view.length) throw new Error(`short read at ${at}`);
    hasher.update(view);
  }
  return hasher.digest('hex');
}

async function run(request: ChunkStoreRequest): Promise<Omit<ChunkStoreReply & { ok: true }, 'seq' | 'ok'>> {
  switch (request.op) {
    case 'open':
      return { size: (await handleFor(request.key)).getSize() };
    case 'write': {
      const handle = await handleFor(request.key);
      const bytes = new Uint8Array(request.bytes);
      const written = handle.write(bytes, { at: request.offset });
      if (written !== bytes.length) throw new Error('short write (disk full?)');
      return {};
    }
    case 'read': {
      const bytes = new Uint8Array(request.length);
      const read = (await handleFor(request.key)).read(bytes, { at: request.offset });
      return { bytes: bytes.buffer.slice(0, read) };
    }
    case 'truncate': {
      const handle = await handleFor(request.key);
      handle.truncate(request.length);
      handle.flush();
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

scope.onmessage = (event) => {
  const { seq } = event.data;
  run(event.data).then(
    (result) => scope.postMessage({ seq, ok: true, ...result } satisfies ChunkStoreReply, result.bytes ? [result.bytes] : []),
    (error: unknown) => scope.postMessage({ seq, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) } satisfies ChunkStoreReply, []),
  );
};
