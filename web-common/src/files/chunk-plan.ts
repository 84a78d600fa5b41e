/**
 * Chunk planning: a file of `size` bytes is cut into chunks of `chunkSize` bytes (the last one
 * shorter). A chunk travels in frames of at most FRAME_PAYLOAD_BYTES (data channels limit the size
 * of one message; Chromium's is 256 KiB including our header, so a 256 KiB chunk takes two frames:
 * larger messages cost less per byte than the earlier 64 KiB ones, measured in the bench).
 */
export const FRAME_PAYLOAD_BYTES = 128 * 1024;

export interface ChunkRange {
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

export function chunkCountFor(size: number, chunkSize: number): number {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`bad size ${size}`);
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError(`bad chunk size ${chunkSize}`);
  return Math.ceil(size / chunkSize);
}

export function chunkRange(index: number, size: number, chunkSize: number): ChunkRange {
  const count = chunkCountFor(size, chunkSize);
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`chunk ${index} outside 0..${count - 1}`);
  const start = index * chunkSize;
  return { index, start, end: Math.min(size, start + chunkSize) };
}

/** Bytes covered by the first `chunks` chunks (the verified prefix). */
export function bytesInChunks(chunks: number, size: number, chunkSize: number): number {
  return Math.min(size, Math.max(0, chunks) * chunkSize);
}

/** Offsets of the frames that carry one chunk of `length` bytes. */
export function frameOffsets(length: number, framePayload = FRAME_PAYLOAD_BYTES): number[] {
  const offsets: number[] = [];
  for (let offset = 0; offset < length; offset += framePayload) offsets.push(offset);
  return offsets;
}
