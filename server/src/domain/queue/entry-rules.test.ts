import { entryOf } from '../../../../test/support/queue-store-contract';
import { isAbandonDue, isMaxWaitDue, isOfferExpired } from './entry-rules';

describe('abandon grace period', () => {
  const GRACE = 30_000;
  it('abandons a customer disconnected for the whole grace period', () => {
    const gone = entryOf({ connected: false, disconnectedAt: 10_000 });
    expect(isAbandonDue(gone, 39_999, GRACE)).toBe(false);
    expect(isAbandonDue(gone, 40_000, GRACE)).toBe(true);
  });

  it('keeps the place of a customer who reconnected (a reload) within it', () => {
    const back = entryOf({ connected: true, disconnectedAt: null });
    expect(isAbandonDue(back, 1e12, GRACE)).toBe(false);
  });

  it('never abandons an entry already accepted', () => {
    expect(isAbandonDue(entryOf({ state: 'accepted', connected: false, disconnectedAt: 0 }), 1e12, GRACE)).toBe(false);
  });
});

describe('maximum wait and offers', () => {
  it('asks once when the maximum wait is reached, never after keep waiting', () => {
    const entry = entryOf({ enqueuedAt: 0 });
    expect(isMaxWaitDue(entry, { maxWaitSeconds: 60 }, 59_999)).toBe(false);
    expect(isMaxWaitDue(entry, { maxWaitSeconds: 60 }, 60_000)).toBe(true);
    expect(isMaxWaitDue({ ...entry, maxWaitReachedAt: 60_000 }, { maxWaitSeconds: 60 }, 90_000)).toBe(false);
    expect(isMaxWaitDue({ ...entry, keepWaiting: true }, { maxWaitSeconds: 60 }, 90_000)).toBe(false);
  });

  it('an offer expires at its time', () => {
    const offered = entryOf({ state: 'offered', offer: { offerId: 'o', agentId: 'a', expiresAt: 5_000 } });
    expect(isOfferExpired(offered, 4_999)).toBe(false);
    expect(isOfferExpired(offered, 5_000)).toBe(true);
  });
});
