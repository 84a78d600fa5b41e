import { z } from 'zod';
import { SessionIdSchema } from './ids';

/** Session history (R10.1): one row per session, the queryable index behind GET /api/history. */
export const HistoryRowSchema = z.object({
  sessionId: SessionIdSchema,
  number: z.string(),
  state: z.enum(['waiting', 'active', 'ended']),
  startedAt: z.number().int(),
  endedAt: z.number().int().nullable(),
  /** Seconds from start to end; null while the session runs. */
  durationSeconds: z.number().int().nonnegative().nullable(),
  agentId: z.string(),
  agentName: z.string(),
  /** Customers' names and e-mails, in join order (e-mails from the help form, '' when none). */
  customerNames: z.array(z.string()),
  customerEmails: z.array(z.string()),
  /** Display name of who ended it, null while it runs (or when the server ended it). */
  endedByName: z.string().nullable(),
  queueName: z.string().nullable(),
  notes: z.string(),
});
export type HistoryRow = z.infer<typeof HistoryRowSchema>;

export const HISTORY_SORT_COLUMNS = ['startedAt', 'endedAt', 'durationSeconds', 'agentName', 'customerName', 'number', 'queueName', 'endedByName'] as const;
export const HistorySortSchema = z.enum(HISTORY_SORT_COLUMNS);
export type HistorySort = z.infer<typeof HistorySortSchema>;

export const HISTORY_LIMITS = { pageSizeMax: 200, pageSizeDefault: 50, searchLength: 200, defaultMonths: 3 } as const;

const search = z.string().trim().max(HISTORY_LIMITS.searchLength).optional().transform((v) => (v ? v : undefined));
const epochMs = z.coerce.number().int().nonnegative().optional();

/** Query string of GET /api/history and /api/history.csv (all optional; `from` defaults to 3 months ago). */
export const HistoryQuerySchema = z.object({
  from: epochMs,
  to: epochMs,
  agentId: z.string().uuid().optional(),
  /** Part of a customer's name or e-mail, case-insensitive. */
  customer: search,
  /** The session number, digits (exact match). */
  number: z.string().trim().regex(/^\d{1,9}$/).optional(),
  /** Words that must all appear in the notes, case-insensitive. */
  text: search,
  sort: HistorySortSchema.default('startedAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(HISTORY_LIMITS.pageSizeMax).default(HISTORY_LIMITS.pageSizeDefault),
}).strict();
export type HistoryQueryInput = z.input<typeof HistoryQuerySchema>;
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

export const HistoryPageSchema = z.object({
  rows: z.array(HistoryRowSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The date range applied (from filled in with the default). */
  from: z.number().int(),
  to: z.number().int().nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

/** The agents a caller may filter by (their own team; admins every agent). */
export const HistoryAgentSchema = z.object({ id: z.string(), name: z.string() });
export type HistoryAgent = z.infer<typeof HistoryAgentSchema>;

/** Start of the default history range: the same time of day, HISTORY_LIMITS.defaultMonths calendar months back. */
export function defaultHistoryFrom(now: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - HISTORY_LIMITS.defaultMonths);
  return d.getTime();
}

/** Columns of the CSV export, in order (headers are these keys; values as in HistoryRow). */
export const HISTORY_CSV_COLUMNS = [
  'startedAt', 'endedAt', 'durationSeconds', 'agentName', 'customerNames', 'customerEmails', 'number', 'queueName', 'endedByName', 'notes',
] as const;

/** The query string of a history request (undefined and empty values left out). */
export function historySearchParams(query: HistoryQueryInput): string {
  const pairs = Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]);
  return new URLSearchParams(pairs).toString();
}
