import { createHash, randomBytes } from 'node:crypto';
import { blobPieces, equalBytes, fingerprintOf, sha256Blob, sha256Bytes, toHex } from './sha256';

describe('sha256 (hash-wasm)', () => {
  const data = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));
  const expected = createHash('sha256').update(data).digest('hex');

  it('hashes bytes like node:crypto', async () => {
    expect(toHex(await sha256Bytes(data))).toBe(expected);
  });

  it('hashes a blob piece by piece to the same digest', async () => {
    const blob = new Blob([data]);
    expect(await sha256Blob(blob)).toBe(expected);
    let pieces = 0;
    for await (const piece of blobPieces(blob, 1024 * 1024)) {
      expect(piece.length).toBeLessThanOrEqual(1024 * 1024);
      pieces += 1;
    }
    expect(pieces).toBe(4);
  });

  it('fingerprints the first chunk only', async () => {
    const chunk = 256 * 1024;
    const fp = await fingerprintOf(new Blob([data]), chunk);
    expect(fp).toBe(createHash('sha256').update(data.subarray(0, chunk)).digest('hex'));
    expect(await fingerprintOf(new Blob([data.subarray(0, 10)]), chunk)).toBe(createHash('sha256').update(data.subarray(0, 10)).digest('hex'));
  });

  it('compares digests', () => {
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
  });
});
