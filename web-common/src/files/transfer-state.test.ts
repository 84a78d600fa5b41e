import type { FileTransfer, TransferState } from '@rs/signaling';
import { aTransfer } from './transfer-fixture';
import { canMove, isFinal, isLive, mergeTransfer, phaseOf } from './transfer-state';

const transfer = (state: TransferState, updatedAt = 1, verifiedChunks = 0): FileTransfer => aTransfer({ state, updatedAt, verifiedChunks });

const idle = { missingSource: false, linked: false, hashing: false };

describe('transfer state machine (client view)', () => {
  it('follows offered -> accepted -> running -> paused -> running -> verified', () => {
    const path: TransferState[] = ['awaiting-consent', 'offered', 'accepted', 'running', 'paused', 'running', 'verified'];
    for (let i = 1; i < path.length; i += 1) expect(canMove(path[i - 1]!, path[i]!)).toBe(true);
  });

  it('never leaves a final state', () => {
    for (const final of ['verified', 'failed', 'cancelled', 'denied'] as const) {
      expect(isFinal(final)).toBe(true);
      expect(canMove(final, 'running')).toBe(false);
    }
    expect(canMove('running', 'offered')).toBe(false);
    expect(canMove('awaiting-consent', 'denied')).toBe(true);
    expect(canMove('running', 'denied')).toBe(false);
  });

  it('keeps the newer view and ignores stale or impossible updates', () => {
    const running = transfer('running', 5, 3);
    expect(mergeTransfer(undefined, running)).toBe(running);
    expect(mergeTransfer(running, transfer('running', 4, 2))).toBe(running);
    const more = transfer('running', 6, 4);
    expect(mergeTransfer(running, more)).toBe(more);
    const cancelled = transfer('cancelled', 7);
    expect(mergeTransfer(more, cancelled)).toBe(cancelled);
    expect(mergeTransfer(cancelled, transfer('running', 8))).toBe(cancelled);
  });

  it('refines live states with what the page is doing', () => {
    expect(isLive('paused')).toBe(true);
    expect(isLive('offered')).toBe(false);
    expect(phaseOf(transfer('accepted'), idle)).toBe('connecting');
    expect(phaseOf(transfer('running'), { ...idle, linked: true })).toBe('running');
    expect(phaseOf(transfer('running'), idle)).toBe('connecting');
    expect(phaseOf(transfer('paused'), { ...idle, linked: true })).toBe('paused');
    expect(phaseOf(transfer('running'), { ...idle, missingSource: true })).toBe('needs-file');
    expect(phaseOf(transfer('running'), { ...idle, linked: true, hashing: true })).toBe('hashing');
    expect(phaseOf(transfer('offered'), idle)).toBe('offered');
    expect(phaseOf(transfer('denied'), idle)).toBe('denied');
  });
});
