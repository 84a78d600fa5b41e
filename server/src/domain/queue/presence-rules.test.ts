import type { PresenceRecord } from '../../store/queue-store';
import { afterAccept, afterMissedOffer, afterSessionEnded, choosePresence, effectiveState } from './presence-rules';

const presence = (over: Partial<PresenceRecord> = {}): PresenceRecord => ({
  accountId: 'a', displayName: 'Ada', chosen: 'available', awayReason: null, wrapUpUntil: null, missedOffers: 0,
  idleSince: 0, online: true, ...over,
});

describe('presence transitions', () => {
  it('is busy at the maximum of sessions, available again below it', () => {
    expect(effectiveState(presence(), 2, 2, 0)).toBe('busy');
    expect(effectiveState(presence(), 1, 2, 0)).toBe('available');
  });

  it('is in wrap-up after a session until the wrap-up time is over, then available', () => {
    const ended = afterSessionEnded(presence(), 30, 10_000);
    expect(ended.wrapUpUntil).toBe(40_000);
    expect(effectiveState(ended, 0, 1, 39_999)).toBe('wrap-up');
    expect(effectiveState(ended, 0, 1, 40_000)).toBe('available');
    expect(ended.idleSince).toBe(40_000);
  });

  it('has no wrap-up when the queue sets none', () => {
    const ended = afterSessionEnded(presence(), 0, 10_000);
    expect(effectiveState(ended, 0, 1, 10_000)).toBe('available');
    expect(ended.idleSince).toBe(10_000);
  });

  it('is set away after N missed offers in a row; an accept resets the count', () => {
    let p = afterMissedOffer(presence(), 3);
    p = afterMissedOffer(p, 3);
    expect(effectiveState(p, 0, 1, 0)).toBe('available');
    expect(afterMissedOffer(afterAccept(p), 3).missedOffers).toBe(1);
    p = afterMissedOffer(p, 3);
    expect(p).toMatchObject({ chosen: 'away', awayReason: 'missed-offers', missedOffers: 3 });
    expect(effectiveState(p, 0, 1, 0)).toBe('away');
  });

  it('choosing available again clears the misses and starts the idle time', () => {
    const away = presence({ chosen: 'away', awayReason: 'missed-offers', missedOffers: 3 });
    expect(choosePresence(away, 'available', 5_000)).toMatchObject({ chosen: 'available', awayReason: null, missedOffers: 0, idleSince: 5_000 });
    expect(choosePresence(presence(), 'away', 5_000)).toMatchObject({ chosen: 'away', awayReason: 'chosen' });
  });

  it('is away by choice even below the maximum, offline without a console', () => {
    expect(effectiveState(presence({ chosen: 'away' }), 0, 2, 0)).toBe('away');
    expect(effectiveState(presence({ online: false }), 0, 2, 0)).toBe('offline');
    expect(effectiveState(null, 0, 2, 0)).toBe('offline');
  });
});
