import { ChunkAssembler } from './chunk-assembler';
import type { ChunkFrame } from './frame-codec';

const digest = new Uint8Array(32).fill(7);
const frame = (chunkIndex: number, offset: number, length: number, chunkLength: number): ChunkFrame => ({
  transferId: 't', chunkIndex, offset, chunkLength, chunkSha256: digest, payload: new Uint8Array(length).fill(chunkIndex + 1),
});

describe('ChunkAssembler (receiver resume bookkeeping)', () => {
  it('assembles a chunk from its frames and advances after verification', () => {
    const a = new ChunkAssembler(250, 100, 0);
    expect(a.accept(frame(0, 0, 60, 100))).toEqual({ kind: 'partial' });
    const step = a.accept(frame(0, 60, 40, 100));
    expect(step.kind).toBe('chunk');
    if (step.kind !== 'chunk') return;
    expect(step.start).toBe(0);
    expect(step.bytes.length).toBe(100);
    a.markVerified(0);
    expect(a.verified).toBe(1);
    expect(a.accept(frame(1, 0, 100, 100)).kind).toBe('chunk');
    a.markVerified(1);
    const last = a.accept(frame(2, 0, 50, 50));
    expect(last.kind === 'chunk' && last.start).toBe(200);
    a.markVerified(2);
    expect(a.complete).toBe(true);
  });

  it('resumes from a verified prefix and ignores chunks it already has', () => {
    const a = new ChunkAssembler(1000, 100, 4);
    expect(a.accept(frame(2, 0, 100, 100))).toEqual({ kind: 'stale' });
    expect(a.accept(frame(4, 0, 100, 100)).kind).toBe('chunk');
  });

  it('asks once for a resend on a gap and waits for the missing chunk', () => {
    const a = new ChunkAssembler(1000, 100, 0);
    expect(a.accept(frame(1, 0, 100, 100))).toEqual({ kind: 'resend', fromChunk: 0 });
    expect(a.accept(frame(2, 0, 100, 100))).toEqual({ kind: 'stale' });
    expect(a.accept(frame(0, 0, 100, 100)).kind).toBe('chunk');
  });

  it('drops a chunk that failed its hash and asks for it again', () => {
    const a = new ChunkAssembler(1000, 100, 3);
    expect(a.accept(frame(3, 0, 100, 100)).kind).toBe('chunk');
    expect(a.rejectChunk(3)).toEqual({ kind: 'resend', fromChunk: 3 });
    expect(a.accept(frame(4, 0, 100, 100))).toEqual({ kind: 'stale' });
    expect(a.accept(frame(3, 0, 100, 100)).kind).toBe('chunk');
    a.markVerified(3);
    expect(a.verified).toBe(4);
  });

  it('treats a frame in the middle of an unknown chunk as a gap', () => {
    const a = new ChunkAssembler(1000, 100, 0);
    expect(a.accept(frame(0, 50, 50, 100))).toEqual({ kind: 'resend', fromChunk: 0 });
  });

  it('forgets a half chunk when a new channel restarts the transfer', () => {
    const a = new ChunkAssembler(1000, 100, 0);
    a.accept(frame(0, 0, 50, 100));
    a.restart(0);
    expect(a.accept(frame(0, 0, 100, 100)).kind).toBe('chunk');
  });
});
