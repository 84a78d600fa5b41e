import type { HistoryQuery, HistoryRow } from '@rs/signaling';

/** A session as indexed: the row people see, plus the staff accounts that took part (visibility). */
export interface HistoryEntry extends HistoryRow {
  /** Accounts of the agents, assistants and supervisors who were in the session. */
  staffIds: string[];
}

/** The filters of a history query, with the default date range already applied. */
export type HistoryFilter = Omit<HistoryQuery, 'page' | 'pageSize' | 'from'> & { from: number };

/**
 * Who may see which rows, decided by the caller's role (history-scope.ts):
 * 'all' for admins; otherwise rows whose agent is one of agentIds or in which staffId took part.
 */
export type HistoryScope = { kind: 'all' } | { kind: 'some'; agentIds: readonly string[]; staffId: string };

/** A slice of the matching rows; null: every matching row (the CSV export). */
export interface HistoryRange {
  offset: number;
  limit: number;
}

export interface HistoryResult {
  rows: HistoryRow[];
  total: number;
}

/**
 * The queryable index of sessions (R10.1), behind one interface with a memory,
 * a PGlite (embedded) and a PostgreSQL implementation. All pass
 * test/integration/history-store-contract.test.ts.
 */
export interface SessionHistoryStore {
  readonly kind: 'memory' | 'pglite' | 'postgres';
  /** Inserts or replaces the entry of entry.sessionId. */
  upsert(entry: HistoryEntry): Promise<void>;
  /** Many entries in one go (rebuilds, benchmarks). */
  upsertMany(entries: readonly HistoryEntry[]): Promise<void>;
  /** Ids among sessionIds that are indexed with state 'ended' (a rebuild skips them). */
  endedAmong(sessionIds: readonly string[]): Promise<Set<string>>;
  /** Rows matching filter within scope, sorted by filter.sort then start time; total counts every match. */
  query(filter: HistoryFilter, scope: HistoryScope, range: HistoryRange | null): Promise<HistoryResult>;
  /** Deletes the ended sessions that started before `startedBefore` (epoch ms: HISTORY_RETENTION_DAYS); returns how many. */
  purgeEndedBefore(startedBefore: number): Promise<number>;
  close(): Promise<void>;
}
