import type { HistoryRow } from '@rs/signaling';
import { customerSortKey, customersText } from './history-match';
import { HISTORY_SCHEMA, historySelect, historyUpsert } from './history-sql';
import type { HistoryEntry, HistoryFilter, HistoryRange, HistoryResult, HistoryScope, SessionHistoryStore } from './history-store';
import type { SqlClient } from './sql-client';

/** Rows per INSERT (PostgreSQL allows 65 535 parameters per statement; 16 columns a row). */
const BATCH = 1000;

interface DbRow {
  session_id: string; number: string; state: HistoryRow['state']; started_at: string | number; ended_at: string | number | null;
  duration_seconds: number | null; agent_id: string; agent_name: string; customer_names: string[]; customer_emails: string[];
  ended_by_name: string | null; queue_name: string | null; notes: string;
}

/**
 * Session history in SQL: one schema and one set of queries (history-sql.ts) for
 * PGlite (embedded, in the data folder) and PostgreSQL (HISTORY_DATABASE_URL).
 * The database opens at the first call, which waits for it (a first PGlite create takes seconds, off the main thread).
 */
export class SqlHistoryStore implements SessionHistoryStore {
  #opening: Promise<SqlClient> | null = null;

  constructor(readonly kind: 'pglite' | 'postgres', private readonly open: () => Promise<SqlClient>) {}

  /** Opens the database at the first call (a server that never indexes a session never pays for it); a failed open is tried again. */
  ready(): Promise<SqlClient> {
    this.#opening ??= this.open().then(async (client) => {
      await client.exec(HISTORY_SCHEMA).catch(async (err: unknown) => {
        await client.close().catch(() => undefined);
        throw err;
      });
      return client;
    }).catch((err: unknown) => {
      // The next call tries again (a database server that was down at start).
      this.#opening = null;
      throw err;
    });
    return this.#opening;
  }

  async upsert(entry: HistoryEntry): Promise<void> {
    await this.upsertMany([entry]);
  }

  async upsertMany(entries: readonly HistoryEntry[]): Promise<void> {
    const client = await this.ready();
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      await client.query(historyUpsert(batch.length), batch.flatMap(toParams));
    }
  }

  async endedAmong(sessionIds: readonly string[]): Promise<Set<string>> {
    const client = await this.ready();
    const rows = await client.query<{ session_id: string }>(
      "SELECT session_id FROM session_history WHERE session_id = ANY($1::text[]) AND state = 'ended'", [[...sessionIds]],
    );
    return new Set(rows.map((r) => r.session_id));
  }

  async query(filter: HistoryFilter, scope: HistoryScope, range: HistoryRange | null): Promise<HistoryResult> {
    const client = await this.ready();
    const { rows, count } = historySelect(filter, scope, range);
    const found = await client.query<DbRow>(rows.text, rows.params);
    // A page past the end, or every row: the count is already known.
    const total = range && (found.length === range.limit || range.offset > 0)
      ? (await client.query<{ total: number }>(count.text, count.params))[0]?.total ?? 0
      : found.length;
    return { rows: found.map(fromDb), total };
  }

  async purgeEndedBefore(startedBefore: number): Promise<number> {
    const client = await this.ready();
    const purged = await client.query<{ session_id: string }>(
      "DELETE FROM session_history WHERE state = 'ended' AND started_at < $1 RETURNING session_id", [startedBefore],
    );
    return purged.length;
  }

  async close(): Promise<void> {
    const client = await this.#opening?.catch(() => null);
    this.#opening = Promise.reject(new Error('history store closed'));
    this.#opening.catch(() => {});
    await client?.close();
  }
}

function toParams(e: HistoryEntry): unknown[] {
  return [
    e.sessionId, e.number, e.state, e.startedAt, e.endedAt, e.durationSeconds, e.agentId, e.agentName, e.customerNames,
    e.customerEmails, customerSortKey(e), customersText(e), e.endedByName, e.queueName, e.notes, e.staffIds,
  ];
}

const num = (v: string | number) => Number(v);

function fromDb(r: DbRow): HistoryRow {
  return {
    sessionId: r.session_id, number: r.number, state: r.state, startedAt: num(r.started_at),
    endedAt: r.ended_at === null ? null : num(r.ended_at), durationSeconds: r.duration_seconds, agentId: r.agent_id,
    agentName: r.agent_name, customerNames: r.customer_names, customerEmails: r.customer_emails, endedByName: r.ended_by_name,
    queueName: r.queue_name, notes: r.notes,
  };
}
