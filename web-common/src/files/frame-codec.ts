/**
 * Binary frames on the file data channels (peer to peer and relay). One frame carries a piece of
 * one chunk:
 *   u8 version | u8 id length | transfer id (UTF-8) | u32 chunk index | u32 offset in chunk |
 *   u32 chunk length | 32 bytes SHA-256 of the whole chunk | payload
 * The receiver assembles a chunk from its frames, then checks the chunk hash before storing it.
 */
export const FRAME_VERSION = 1;
const DIGEST_BYTES = 32;
const MAX_ID_BYTES = 255;

export interface ChunkFrame {
  readonly transferId: string;
  readonly chunkIndex: number;
  readonly offset: number;
  readonly chunkLength: number;
  readonly chunkSha256: Uint8Array;
  readonly payload: Uint8Array;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeFrame(frame: ChunkFrame): Uint8Array<ArrayBuffer> {
  const id = encoder.encode(frame.transferId);
  if (id.length === 0 || id.length > MAX_ID_BYTES) throw new RangeError('transfer id length');
  if (frame.chunkSha256.length !== DIGEST_BYTES) throw new RangeError('chunk digest length');
  const headerLength = 2 + id.length + 12 + DIGEST_BYTES;
  const out = new Uint8Array(headerLength + frame.payload.length);
  const view = new DataView(out.buffer);
  out[0] = FRAME_VERSION;
  out[1] = id.length;
  out.set(id, 2);
  let at = 2 + id.length;
  view.setUint32(at, frame.chunkIndex);
  view.setUint32(at + 4, frame.offset);
  view.setUint32(at + 8, frame.chunkLength);
  at += 12;
  out.set(frame.chunkSha256, at);
  out.set(frame.payload, at + DIGEST_BYTES);
  return out;
}

/** Parses a frame; null when it is not one of ours (wrong version, truncated, inconsistent). */
export function decodeFrame(data: ArrayBuffer | Uint8Array): ChunkFrame | null {
  // A plain Uint8Array over the same memory: simple-peer hands out Buffers, whose slice() is a view.
  const bytes = data instanceof Uint8Array ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  if (bytes.length < 2 || bytes[0] !== FRAME_VERSION) return null;
  const idLength = bytes[1] ?? 0;
  const headerLength = 2 + idLength + 12 + DIGEST_BYTES;
  if (idLength === 0 || bytes.length < headerLength) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const transferId = decoder.decode(bytes.subarray(2, 2 + idLength));
  let at = 2 + idLength;
  const chunkIndex = view.getUint32(at);
  const offset = view.getUint32(at + 4);
  const chunkLength = view.getUint32(at + 8);
  at += 12;
  const chunkSha256 = bytes.subarray(at, at + DIGEST_BYTES);
  const payload = bytes.subarray(at + DIGEST_BYTES);
  if (offset + payload.length > chunkLength) return null;
  return { transferId, chunkIndex, offset, chunkLength, chunkSha256, payload };
}
