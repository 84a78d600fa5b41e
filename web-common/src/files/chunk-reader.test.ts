import { createHash, randomBytes } from 'node:crypto';
import { ChunkReader } from './chunk-reader';

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('ChunkReader (sender: chunks from blocks, whole-file hash along the way)', () => {
  const data = new Uint8Array(randomBytes(10 * 1000 + 7));
  const CHUNK = 1000;

  it('cuts every chunk right and hashes the whole file from the blocks it read in order', async () => {
    const reader = new ChunkReader(new Blob([data]), CHUNK, 4 * CHUNK);
    for (let i = 0; i < 11; i += 1) expect(await reader.chunk(i)).toEqual(data.subarray(i * CHUNK, Math.min(data.length, (i + 1) * CHUNK)));
    expect(await reader.sha256()).toBe(sha256Hex(data));
  });

  it('gives the right hash when the transfer resumed mid-file and went back (resends)', async () => {
    const reader = new ChunkReader(new Blob([data]), CHUNK, 3 * CHUNK);
    for (const i of [6, 7, 8, 2, 3, 9, 10, 4]) expect(await reader.chunk(i)).toEqual(data.subarray(i * CHUNK, Math.min(data.length, (i + 1) * CHUNK)));
    expect(await reader.sha256()).toBe(sha256Hex(data));
  });

  it('hashes an empty file and a file of one chunk', async () => {
    expect(await new ChunkReader(new Blob([]), CHUNK).sha256()).toBe(sha256Hex(new Uint8Array(0)));
    const one = data.subarray(0, 10);
    const reader = new ChunkReader(new Blob([one]), CHUNK);
    expect(await reader.chunk(0)).toEqual(one);
    expect(await reader.sha256()).toBe(sha256Hex(one));
  });
});
