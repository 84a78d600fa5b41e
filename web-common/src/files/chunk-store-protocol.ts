/** Messages between the page and the chunk-store worker (chunk-store-worker.ts). */
export type ChunkStoreRequest =
  | { readonly op: 'open'; readonly key: string }
  /** Writes bytes at an offset; with `sha256` (32 bytes) only when they hash to it (else nothing is written, nor any later write until that offset is written right). */
  | { readonly op: 'write'; readonly key: string; readonly offset: number; readonly bytes: ArrayBuffer; readonly sha256?: ArrayBuffer }
  | { readonly op: 'read'; readonly key: string; readonly offset: number; readonly length: number }
  | { readonly op: 'truncate'; readonly key: string; readonly length: number }
  | { readonly op: 'hash'; readonly key: string; readonly length: number }
  | { readonly op: 'close'; readonly key: string }
  | { readonly op: 'remove'; readonly key: string };

export type ChunkStoreReply =
  | { readonly seq: number; readonly ok: true; readonly size?: number; readonly sha256?: string; readonly bytes?: ArrayBuffer; readonly verified?: boolean }
  | { readonly seq: number; readonly ok: false; readonly error: string };

/** OPFS folder holding partial downloads, one file per transfer. */
export const CHUNK_STORE_DIR = 'file-transfers';

export function partFileName(key: string): string {
  return `${key}.part`;
}
