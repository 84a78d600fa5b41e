import { transition } from './transfer-machine';
import type { TransferAction } from './transfer-machine';
import type { TransferRecord } from './transfer-record';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

function record(patch: Partial<TransferRecord> = {}): TransferRecord {
  return {
    transferId: 't', sessionId: 's', senderId: 'agent', receiverId: 'customer', batchId: 'b',
    file: { name: 'f.bin', size: 1000, lastModified: 0, path: [], fingerprint: HASH_A },
    target: { kind: 'download' }, chunkSize: 100, chunkCount: 10, state: 'offered', path: null,
    verifiedChunks: 0, sha256: null, reason: null, createdAt: 0, updatedAt: 0,
    customerId: 'customer', consentId: null, senderSha256: null, receiverSha256: null, ...patch,
  };
}

/** Runs actions in order; every one must be accepted. */
function run(start: TransferRecord, ...actions: TransferAction[]): TransferRecord {
  return actions.reduce((current, action, i) => {
    const result = transition(current, action, i + 1);
    if (!result.ok) throw new Error(`${action.kind} refused: ${result.message}`);
    return result.next;
  }, start);
}

function refusal(start: TransferRecord, action: TransferAction): string | null {
  const result = transition(start, action, 1);
  return result.ok ? null : result.code;
}

describe('transfer state machine', () => {
  it('offered -> accepted -> running -> paused -> running (resumed) -> verified with equal hashes', () => {
    const accepted = run(record(), { kind: 'accept' });
    expect(accepted.state).toBe('accepted');
    const running = run(accepted, { kind: 'progress', verifiedChunks: 4, reset: false });
    expect(running).toMatchObject({ state: 'running', verifiedChunks: 4 });
    const paused = run(running, { kind: 'pause' });
    expect(paused).toMatchObject({ state: 'paused', verifiedChunks: 4 });
    const resumed = run(paused, { kind: 'progress', verifiedChunks: 5, reset: false });
    expect(resumed).toMatchObject({ state: 'running', verifiedChunks: 5 });
    const half = run(resumed, { kind: 'complete', side: 'sender', sha256: HASH_A });
    expect(half.state).toBe('running');
    const done = run(half, { kind: 'complete', side: 'receiver', sha256: HASH_A });
    expect(done).toMatchObject({ state: 'verified', sha256: HASH_A, verifiedChunks: 10, reason: null, updatedAt: 1 });
  });

  it('different hashes fail with HASH_MISMATCH and store no final hash', () => {
    const done = run(record({ state: 'running' }), { kind: 'complete', side: 'receiver', sha256: HASH_A }, { kind: 'complete', side: 'sender', sha256: HASH_B });
    expect(done).toMatchObject({ state: 'failed', reason: 'HASH_MISMATCH', sha256: null });
  });

  it('awaiting consent: granted -> offered (download) or accepted (granted folder); refused -> denied', () => {
    expect(run(record({ state: 'awaiting-consent' }), { kind: 'consent-granted' }).state).toBe('offered');
    expect(run(record({ state: 'awaiting-consent', target: { kind: 'granted-folder', path: [] } }), { kind: 'consent-granted' }).state).toBe('accepted');
    expect(run(record({ state: 'awaiting-consent' }), { kind: 'consent-refused', reason: 'DENIED' })).toMatchObject({ state: 'denied', reason: 'DENIED' });
    expect(run(record({ state: 'awaiting-consent' }), { kind: 'cancel', reason: 'CANCELLED' }).state).toBe('denied');
  });

  it('nothing moves before consent and acceptance', () => {
    const waiting = record({ state: 'awaiting-consent' });
    expect(refusal(waiting, { kind: 'accept' })).toBe('TRANSFER_STATE');
    expect(refusal(waiting, { kind: 'progress', verifiedChunks: 1, reset: false })).toBe('TRANSFER_STATE');
    expect(refusal(waiting, { kind: 'path', path: 'relay' })).toBe('TRANSFER_STATE');
    expect(refusal(record(), { kind: 'progress', verifiedChunks: 1, reset: false })).toBe('TRANSFER_STATE');
    expect(refusal(record(), { kind: 'complete', side: 'receiver', sha256: HASH_A })).toBe('TRANSFER_STATE');
    expect(refusal(record(), { kind: 'pause' })).toBe('TRANSFER_STATE');
  });

  it('progress is monotonic unless reset, and never past the last chunk', () => {
    const running = record({ state: 'running', verifiedChunks: 6, receiverSha256: HASH_A });
    expect(refusal(running, { kind: 'progress', verifiedChunks: 5, reset: false })).toBe('INVALID_PAYLOAD');
    expect(refusal(running, { kind: 'progress', verifiedChunks: 11, reset: false })).toBe('INVALID_PAYLOAD');
    expect(run(running, { kind: 'progress', verifiedChunks: 6, reset: false }).verifiedChunks).toBe(6);
    expect(run(running, { kind: 'progress', verifiedChunks: 0, reset: true })).toMatchObject({ verifiedChunks: 0, receiverSha256: null });
  });

  it('decline and cancel end it; finished transfers never change again', () => {
    expect(run(record(), { kind: 'decline' })).toMatchObject({ state: 'cancelled', reason: 'DECLINED' });
    expect(refusal(record({ state: 'running' }), { kind: 'decline' })).toBe('TRANSFER_STATE');
    const cancelled = run(record({ state: 'running' }), { kind: 'cancel', reason: 'CANCELLED' });
    expect(cancelled).toMatchObject({ state: 'cancelled', reason: 'CANCELLED' });
    const failed = run(record({ state: 'paused' }), { kind: 'fail', reason: 'STORAGE_FULL' });
    expect(failed).toMatchObject({ state: 'failed', reason: 'STORAGE_FULL' });
    for (const final of [cancelled, failed, record({ state: 'verified' }), record({ state: 'denied' })]) {
      for (const action of [{ kind: 'cancel', reason: 'X' }, { kind: 'accept' }, { kind: 'pause' }, { kind: 'progress', verifiedChunks: 1, reset: false }] as const) {
        expect(refusal(final, action)).toBe('TRANSFER_STATE');
      }
    }
  });

  it('resend only names an existing chunk of a moving transfer; path is recorded', () => {
    expect(refusal(record({ state: 'running' }), { kind: 'resend', fromChunk: 10 })).toBe('INVALID_PAYLOAD');
    expect(refusal(record(), { kind: 'resend', fromChunk: 0 })).toBe('TRANSFER_STATE');
    expect(run(record({ state: 'running' }), { kind: 'resend', fromChunk: 9 }).state).toBe('running');
    expect(run(record(), { kind: 'path', path: 'relay' }).path).toBe('relay');
  });

  it('an empty file completes from accepted without any progress', () => {
    const empty = record({ state: 'accepted', chunkCount: 0, file: { ...record().file, size: 0 } });
    const done = run(empty, { kind: 'complete', side: 'sender', sha256: HASH_A }, { kind: 'complete', side: 'receiver', sha256: HASH_A });
    expect(done.state).toBe('verified');
  });

  it('keeps a 4 GiB + 1 byte transfer exact: 16 385 chunks, progress to the last one, nothing past it', () => {
    const size = 4 * 1024 ** 3 + 1;
    const big = record({ file: { name: 'disk.img', size, lastModified: 0, path: [], fingerprint: HASH_A }, chunkSize: 256 * 1024, chunkCount: 16_385 });
    const near = run(big, { kind: 'accept' }, { kind: 'progress', verifiedChunks: 16_384, reset: false });
    expect(near.verifiedChunks * near.chunkSize).toBe(2 ** 32);
    const all = run(near, { kind: 'progress', verifiedChunks: 16_385, reset: false });
    expect(all.verifiedChunks).toBe(16_385);
    expect(refusal(all, { kind: 'progress', verifiedChunks: 16_386, reset: false })).toBe('INVALID_PAYLOAD');
    expect(run(all, { kind: 'complete', side: 'sender', sha256: HASH_A }, { kind: 'complete', side: 'receiver', sha256: HASH_A })).toMatchObject({ state: 'verified', sha256: HASH_A });
  });
});

