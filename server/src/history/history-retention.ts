import type { Clock } from '../domain/clock';
import type { Logger } from '../logging/logger';
import type { SessionHistoryStore } from './history-store';

const DAY_MS = 24 * 3600 * 1000;

/**
 * History rows are kept HISTORY_RETENTION_DAYS (never fewer than the record's RECORD_RETENTION_DAYS, so a
 * listed session can be opened for as long as its record exists): the ended sessions that started before
 * that are deleted once now and then every day. Returns the stopper.
 */
export function keepHistoryFor(store: SessionHistoryStore, days: number, clock: Clock, log: Logger, everyMs = DAY_MS): () => void {
  const purge = (): Promise<void> =>
    store.purgeEndedBefore(clock() - days * DAY_MS).then(
      (purged) => (purged > 0 ? log.info({ purged, days }, 'history rows past retention deleted') : undefined),
      (err: unknown) => log.warn({ err }, 'history retention purge failed'),
    );
  void purge();
  const timer = setInterval(() => void purge(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
