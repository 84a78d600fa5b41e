import type { QueueRecord } from '@rs/signaling';
import type { Logger } from '../logging/logger';
import type { SessionStore } from '../store/session-store';
import { historyEntryOf } from './history-entry';
import type { SessionHistoryStore } from './history-store';

export interface HistoryIndexerOptions {
  sessions: SessionStore;
  history: SessionHistoryStore;
  queueRecordOf: (sessionId: string) => Promise<QueueRecord | null>;
  log: Logger;
}

/**
 * Keeps the history index in step with the session store: touch() re-reads a session and
 * writes its entry (one write at a time per session; touches during a write coalesce into one more).
 * A failed write is logged and the session indexed again at its next change or at the next boot (rebuild).
 */
export class HistoryIndexer {
  readonly #running = new Map<string, Promise<void>>();
  readonly #dirty = new Set<string>();

  constructor(private readonly opts: HistoryIndexerOptions) {}

  touch(sessionId: string): void {
    if (this.#running.has(sessionId)) {
      this.#dirty.add(sessionId);
      return;
    }
    const run = this.#drain(sessionId).finally(() => this.#running.delete(sessionId));
    this.#running.set(sessionId, run);
  }

  /** Resolves when every touch so far is written (history queries read their own writes). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running.values());
  }

  /** Indexes every session of these accounts the index does not hold as ended (boot: nothing lost across restarts). */
  async rebuild(accountIds: readonly string[]): Promise<number> {
    const ids = new Set<string>();
    for (const accountId of accountIds) {
      for (const session of await this.opts.sessions.listSessionsOfAgent(accountId)) ids.add(session.id);
    }
    if (ids.size === 0) return 0;
    const done = await this.opts.history.endedAmong([...ids]);
    const missing = [...ids].filter((id) => !done.has(id));
    for (const id of missing) this.touch(id);
    await this.idle();
    return missing.length;
  }

  async #drain(sessionId: string): Promise<void> {
    do {
      this.#dirty.delete(sessionId);
      try {
        await this.#index(sessionId);
      } catch (err) {
        this.opts.log.warn({ err, sessionId }, 'history index write failed');
      }
    } while (this.#dirty.has(sessionId));
  }

  async #index(sessionId: string): Promise<void> {
    const { sessions, history, queueRecordOf } = this.opts;
    const session = await sessions.getSession(sessionId);
    if (!session) return;
    const [participants, notes, queue] = await Promise.all([
      sessions.listParticipants(sessionId), sessions.getNotes(sessionId), queueRecordOf(sessionId),
    ]);
    await history.upsert(historyEntryOf(session, participants, notes, queue));
  }
}
