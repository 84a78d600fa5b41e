import type { Queue } from '@rs/signaling';
import type { EntryRecord } from '../../store/queue-store';

/** Still in a queue (or offered): the states a customer waits in. */
export function isWaiting(entry: EntryRecord): boolean {
  return entry.state === 'waiting' || entry.state === 'offered';
}

/**
 * No page of the customer has been connected for the grace period: abandoned.
 * A reload or a brief network drop reconnects well within it and keeps the place.
 */
export function isAbandonDue(entry: EntryRecord, now: number, graceMs: number): boolean {
  return isWaiting(entry) && !entry.connected && entry.disconnectedAt !== null && now - entry.disconnectedAt >= graceMs;
}

/** Waited past the queue's maximum and not asked yet (nor chose to keep waiting). */
export function isMaxWaitDue(entry: EntryRecord, queue: Pick<Queue, 'maxWaitSeconds'>, now: number): boolean {
  return isWaiting(entry) && entry.maxWaitReachedAt === null && !entry.keepWaiting && now - entry.enqueuedAt >= queue.maxWaitSeconds * 1000;
}

export function isOfferExpired(entry: EntryRecord, now: number): boolean {
  return entry.offer !== null && entry.offer.expiresAt <= now;
}
