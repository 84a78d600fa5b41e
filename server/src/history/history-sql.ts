import type { HistorySort } from '@rs/signaling';
import { searchWords } from './history-match';
import type { HistoryFilter, HistoryRange, HistoryScope } from './history-store';

/** One schema for PGlite and PostgreSQL; idempotent, run at every open. */
export const HISTORY_SCHEMA = `
CREATE TABLE IF NOT EXISTS session_history (
  session_id text COLLATE "C" PRIMARY KEY,
  number text NOT NULL,
  state text NOT NULL,
  started_at bigint NOT NULL,
  ended_at bigint,
  duration_seconds integer,
  agent_id text NOT NULL,
  agent_name text NOT NULL,
  customer_names text[] NOT NULL,
  customer_emails text[] NOT NULL,
  customer_sort text NOT NULL,
  customers_text text NOT NULL,
  ended_by_name text,
  queue_name text,
  notes text NOT NULL,
  staff_ids text[] NOT NULL
);
CREATE INDEX IF NOT EXISTS session_history_started ON session_history (started_at DESC);
CREATE INDEX IF NOT EXISTS session_history_agent ON session_history (agent_id, started_at DESC);
CREATE INDEX IF NOT EXISTS session_history_staff ON session_history USING gin (staff_ids);
`;

export const HISTORY_COLUMNS = [
  'session_id', 'number', 'state', 'started_at', 'ended_at', 'duration_seconds', 'agent_id', 'agent_name', 'customer_names',
  'customer_emails', 'customer_sort', 'customers_text', 'ended_by_name', 'queue_name', 'notes', 'staff_ids',
] as const;

const SORT_EXPRESSIONS: Record<HistorySort, string> = {
  startedAt: 'started_at',
  endedAt: 'ended_at',
  durationSeconds: 'duration_seconds',
  agentName: 'lower(agent_name) COLLATE "C"',
  customerName: 'lower(customer_sort) COLLATE "C"',
  number: 'number COLLATE "C"',
  queueName: 'lower(queue_name) COLLATE "C"',
  endedByName: 'lower(ended_by_name) COLLATE "C"',
};

export interface SqlQuery {
  text: string;
  params: unknown[];
}

/** `%word%` for ILIKE/LIKE with the pattern characters of the word escaped. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** WHERE clause and parameters of a history query (scope first: it is the rule, the rest are filters). */
export function historyWhere(filter: HistoryFilter, scope: HistoryScope): SqlQuery {
  const params: unknown[] = [];
  const p = (value: unknown) => { params.push(value); return `$${params.length}`; };
  const terms: string[] = [];
  if (scope.kind === 'some') terms.push(`(agent_id = ANY(${p([...scope.agentIds])}::text[]) OR staff_ids @> ARRAY[${p(scope.staffId)}::text])`);
  terms.push(`started_at >= ${p(filter.from)}`);
  if (filter.to !== undefined) terms.push(`started_at < ${p(filter.to)}`);
  if (filter.agentId) terms.push(`agent_id = ${p(filter.agentId)}`);
  if (filter.number) terms.push(`number LIKE ${p(`${filter.number}%`)}`);
  if (filter.customer) terms.push(`customers_text ILIKE ${p(containsPattern(filter.customer))}`);
  for (const word of searchWords(filter.text)) terms.push(`notes ILIKE ${p(containsPattern(word))}`);
  return { text: terms.join(' AND '), params };
}

/** ORDER BY of every store (see compareEntries): the column, empty values last, newest first, session id. */
export function historyOrder(sort: HistorySort, direction: 'asc' | 'desc'): string {
  return `${SORT_EXPRESSIONS[sort]} ${direction.toUpperCase()} NULLS LAST, started_at DESC, session_id ASC`;
}

/** The page (or every row) and the count of a history query. */
export function historySelect(filter: HistoryFilter, scope: HistoryScope, range: HistoryRange | null): { rows: SqlQuery; count: SqlQuery } {
  const where = historyWhere(filter, scope);
  const limit = range ? ` LIMIT ${Math.trunc(range.limit)} OFFSET ${Math.trunc(range.offset)}` : '';
  return {
    rows: { text: `SELECT * FROM session_history WHERE ${where.text} ORDER BY ${historyOrder(filter.sort, filter.direction)}${limit}`, params: where.params },
    count: { text: `SELECT count(*)::int AS total FROM session_history WHERE ${where.text}`, params: where.params },
  };
}

/** An upsert of `count` rows: parameters in HISTORY_COLUMNS order, row after row. */
export function historyUpsert(count: number): string {
  const width = HISTORY_COLUMNS.length;
  const rows = Array.from({ length: count }, (_, r) => `(${HISTORY_COLUMNS.map((_c, i) => `$${r * width + i + 1}`).join(', ')})`);
  const updates = HISTORY_COLUMNS.filter((c) => c !== 'session_id').map((c) => `${c} = EXCLUDED.${c}`).join(', ');
  return `INSERT INTO session_history (${HISTORY_COLUMNS.join(', ')}) VALUES ${rows.join(', ')} ON CONFLICT (session_id) DO UPDATE SET ${updates}`;
}
