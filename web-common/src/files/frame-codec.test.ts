import { decodeFrame, encodeFrame } from './frame-codec';

const digest = new Uint8Array(32).map((_, i) => i);

describe('frame codec', () => {
  it('round-trips a frame', () => {
    const payload = new Uint8Array([1, 2, 3, 250]);
    const bytes = encodeFrame({ transferId: 'tr_abc-é', chunkIndex: 70000, offset: 65536, chunkLength: 262144, chunkSha256: digest, payload });
    const frame = decodeFrame(bytes);
    expect(frame).not.toBeNull();
    expect(frame!.transferId).toBe('tr_abc-é');
    expect(frame!.chunkIndex).toBe(70000);
    expect(frame!.offset).toBe(65536);
    expect(frame!.chunkLength).toBe(262144);
    expect([...frame!.chunkSha256]).toEqual([...digest]);
    expect([...frame!.payload]).toEqual([1, 2, 3, 250]);
  });

  it('rejects foreign or truncated data', () => {
    const bytes = encodeFrame({ transferId: 't1', chunkIndex: 0, offset: 0, chunkLength: 4, chunkSha256: digest, payload: new Uint8Array(4) });
    expect(decodeFrame(bytes.subarray(0, 20))).toBeNull();
    const wrongVersion = bytes.slice();
    wrongVersion[0] = 9;
    expect(decodeFrame(wrongVersion)).toBeNull();
    expect(decodeFrame(new Uint8Array(0))).toBeNull();
  });

  it('rejects a payload that overflows its chunk', () => {
    const bytes = encodeFrame({ transferId: 't1', chunkIndex: 0, offset: 2, chunkLength: 4, chunkSha256: digest, payload: new Uint8Array(4) });
    expect(decodeFrame(bytes)).toBeNull();
  });

  it('refuses to encode a bad digest', () => {
    expect(() => encodeFrame({ transferId: 't', chunkIndex: 0, offset: 0, chunkLength: 1, chunkSha256: new Uint8Array(3), payload: new Uint8Array(1) })).toThrow(RangeError);
  });

  it('carries the last chunk of a 4 GiB + 1 byte file: positions are chunk-relative, never file offsets', () => {
    const bytes = encodeFrame({ transferId: 't4g', chunkIndex: 16_384, offset: 0, chunkLength: 1, chunkSha256: digest, payload: new Uint8Array([9]) });
    const frame = decodeFrame(bytes)!;
    expect(frame).toMatchObject({ chunkIndex: 16_384, offset: 0, chunkLength: 1 });
    expect(frame.chunkIndex * 256 * 1024).toBe(2 ** 32);
    // The largest chunk index a u32 holds covers files far beyond any limit (2^32 chunks of 256 KiB).
    expect(decodeFrame(encodeFrame({ transferId: 't', chunkIndex: 2 ** 32 - 1, offset: 131_072, chunkLength: 262_144, chunkSha256: digest, payload: new Uint8Array(1) }))!.chunkIndex).toBe(2 ** 32 - 1);
  });

  it('decodes a Buffer (simple-peer hands them out) into plain views: a digest copy holds 32 bytes, not the frame', () => {
    const encoded = encodeFrame({ transferId: 't1', chunkIndex: 3, offset: 0, chunkLength: 4, chunkSha256: digest, payload: new Uint8Array([1, 2, 3, 4]) });
    const frame = decodeFrame(Buffer.from(encoded))!;
    expect(frame.chunkSha256.slice().buffer.byteLength).toBe(32);
    expect(Buffer.isBuffer(frame.payload)).toBe(false);
    expect([...frame.payload]).toEqual([1, 2, 3, 4]);
  });
});

