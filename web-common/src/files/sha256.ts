import { createSHA256, type IHasher } from 'hash-wasm';

let shared: Promise<IHasher> | null = null;

/**
 * SHA-256 with hash-wasm (WebCrypto has no streaming digest). One-shot digests share one hasher:
 * init, update and digest run synchronously once it exists, so uses never interleave.
 */
export async function sha256Bytes(data: Uint8Array): Promise<Uint8Array> {
  shared ??= createSHA256();
  const hasher = await shared;
  hasher.init();
  hasher.update(data);
  return hasher.digest('binary');
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Streaming digest of a sequence of pieces read one at a time (never the whole input in memory). */
export async function sha256Stream(pieces: AsyncIterable<Uint8Array>): Promise<string> {
  const hasher: IHasher = await createSHA256();
  hasher.init();
  for await (const piece of pieces) hasher.update(piece);
  return hasher.digest('hex');
}

/** Reads a Blob (a File or an OPFS file: both disk-backed) slice by slice. */
export async function* blobPieces(blob: Blob, pieceBytes = 4 * 1024 * 1024, from = 0, to = blob.size): AsyncGenerator<Uint8Array> {
  for (let start = from; start < to; start += pieceBytes) {
    yield new Uint8Array(await blob.slice(start, Math.min(to, start + pieceBytes)).arrayBuffer());
  }
}

/** Whole-file SHA-256 of a Blob, hex. */
export function sha256Blob(blob: Blob): Promise<string> {
  return sha256Stream(blobPieces(blob));
}

/** The fingerprint of the contract: SHA-256 of the first min(size, chunkBytes) bytes, hex. */
export async function fingerprintOf(blob: Blob, chunkBytes: number): Promise<string> {
  return toHex(await sha256Bytes(new Uint8Array(await blob.slice(0, Math.min(blob.size, chunkBytes)).arrayBuffer())));
}
