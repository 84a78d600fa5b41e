import type { HistoryRow } from '@rs/signaling';
import { compareEntries, matches } from './history-match';
import type { HistoryEntry, HistoryFilter, HistoryRange, HistoryResult, HistoryScope, SessionHistoryStore } from './history-store';

/** Session history in this process (STATE=memory and tests): lost on restart like the sessions themselves. */
export class MemoryHistoryStore implements SessionHistoryStore {
  readonly kind = 'memory';
  readonly #entries = new Map<string, HistoryEntry>();

  async upsert(entry: HistoryEntry): Promise<void> {
    this.#entries.set(entry.sessionId, structuredClone(entry));
  }

  async upsertMany(entries: readonly HistoryEntry[]): Promise<void> {
    for (const entry of entries) await this.upsert(entry);
  }

  async endedAmong(sessionIds: readonly string[]): Promise<Set<string>> {
    return new Set(sessionIds.filter((id) => this.#entries.get(id)?.state === 'ended'));
  }

  async query(filter: HistoryFilter, scope: HistoryScope, range: HistoryRange | null): Promise<HistoryResult> {
    const found = [...this.#entries.values()].filter((e) => matches(e, filter, scope)).sort(compareEntries(filter.sort, filter.direction));
    const slice = range ? found.slice(range.offset, range.offset + range.limit) : found;
    return { rows: slice.map(toRow), total: found.length };
  }

  async purgeEndedBefore(startedBefore: number): Promise<number> {
    let purged = 0;
    for (const [id, entry] of this.#entries) {
      if (entry.state === 'ended' && entry.startedAt < startedBefore && this.#entries.delete(id)) purged += 1;
    }
    return purged;
  }

  async close(): Promise<void> {}
}

function toRow({ staffIds: _staff, ...row }: HistoryEntry): HistoryRow {
  return structuredClone(row);
}
