import { bytesInChunks, chunkCountFor, chunkRange, frameOffsets } from './chunk-plan';

const MiB = 1024 * 1024;

describe('chunk planning', () => {
  it('cuts a file into full chunks and a shorter last one', () => {
    expect(chunkCountFor(150 * MiB, 256 * 1024)).toBe(600);
    expect(chunkCountFor(150 * MiB + 1, 256 * 1024)).toBe(601);
    expect(chunkRange(600, 150 * MiB + 1, 256 * 1024)).toEqual({ index: 600, start: 150 * MiB, end: 150 * MiB + 1 });
    expect(chunkRange(0, 10, 256 * 1024)).toEqual({ index: 0, start: 0, end: 10 });
  });

  it('has no chunk for an empty file and refuses indexes outside the file', () => {
    expect(chunkCountFor(0, 1024)).toBe(0);
    expect(() => chunkRange(0, 0, 1024)).toThrow(RangeError);
    expect(() => chunkRange(3, 3000, 1024)).toThrow(RangeError);
    expect(() => chunkCountFor(-1, 1024)).toThrow(RangeError);
  });

  it('handles 4 GiB files without precision loss', () => {
    const size = 4 * 1024 * MiB + 123;
    const count = chunkCountFor(size, 256 * 1024);
    expect(count).toBe(16385);
    expect(chunkRange(count - 1, size, 256 * 1024).end).toBe(size);
  });

  it('counts the bytes of a verified prefix', () => {
    expect(bytesInChunks(2, 1000, 300)).toBe(600);
    expect(bytesInChunks(4, 1000, 300)).toBe(1000);
    expect(bytesInChunks(0, 1000, 300)).toBe(0);
  });

  it('splits a chunk into frames', () => {
    expect(frameOffsets(256 * 1024)).toEqual([0, 131072]);
    expect(frameOffsets(256 * 1024, 64 * 1024)).toEqual([0, 65536, 131072, 196608]);
    expect(frameOffsets(10)).toEqual([0]);
    expect(frameOffsets(0)).toEqual([]);
  });

  describe('at 4 GiB + 1 byte (no 32-bit arithmetic anywhere)', () => {
    const SIZE = 4 * 1024 ** 3 + 1;
    const CHUNK = 256 * 1024;

    it('plans 16 385 chunks, the last one a single byte past 2^32', () => {
      expect(chunkCountFor(SIZE, CHUNK)).toBe(16_385);
      expect(chunkRange(16_383, SIZE, CHUNK)).toEqual({ index: 16_383, start: 2 ** 32 - CHUNK, end: 2 ** 32 });
      expect(chunkRange(16_384, SIZE, CHUNK)).toEqual({ index: 16_384, start: 2 ** 32, end: 2 ** 32 + 1 });
      expect(() => chunkRange(16_385, SIZE, CHUNK)).toThrow(RangeError);
    });

    it('counts progress bytes past 2^32 exactly', () => {
      expect(bytesInChunks(16_384, SIZE, CHUNK)).toBe(2 ** 32);
      expect(bytesInChunks(16_385, SIZE, CHUNK)).toBe(SIZE);
      expect(bytesInChunks(8_193, SIZE, CHUNK)).toBe(8_193 * CHUNK);
    });
  });
});
