import { MemoryHistoryStore } from './memory-history-store';
import { openPglite } from './pglite-client';
import { openPostgres } from './pg-client';
import { SqlHistoryStore } from './sql-history-store';
import type { SessionHistoryStore } from './history-store';

export interface HistoryStoreOptions {
  /** PostgreSQL server (HISTORY_DATABASE_URL); wins over dataDir. */
  databaseUrl?: string;
  /** PGlite's folder (DATA_DIR/history in durable state). Unset: memory (STATE=memory, tests). */
  dir?: string;
  onError: (err: Error) => void;
}

/** Where session history lives (README "Session history"): PostgreSQL, else PGlite in the data folder, else memory. */
export function createHistoryStore({ databaseUrl, dir, onError }: HistoryStoreOptions): SessionHistoryStore {
  if (databaseUrl) return new SqlHistoryStore('postgres', () => openPostgres(databaseUrl, onError));
  if (dir) return new SqlHistoryStore('pglite', () => openPglite(dir));
  return new MemoryHistoryStore();
}
