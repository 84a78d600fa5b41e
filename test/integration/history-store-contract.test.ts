import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { HISTORY_SORT_COLUMNS } from '@rs/signaling';
import type { HistoryRow } from '@rs/signaling';
import { compareEntries } from '../../server/src/history/history-match';
import type { HistoryEntry, HistoryFilter, HistoryScope, SessionHistoryStore } from '../../server/src/history/history-store';
import { MemoryHistoryStore } from '../../server/src/history/memory-history-store';
import { openPglite } from '../../server/src/history/pglite-client';
import { openPostgres } from '../../server/src/history/pg-client';
import { SqlHistoryStore } from '../../server/src/history/sql-history-store';
import { startPostgresServer } from '../support/postgres-server';
import type { PostgresServerHandle } from '../support/postgres-server';

/** One contract for every SessionHistoryStore: memory, PGlite (embedded) and a real PostgreSQL server. */
const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2026, 5, 1);
const ALL: HistoryScope = { kind: 'all' };
const ann = randomUUID();
const ben = randomUUID();
const sue = randomUUID();

function entry(i: number, overrides: Partial<HistoryEntry>): HistoryEntry {
  const startedAt = T0 + i * DAY;
  return {
    sessionId: randomUUID(), number: String(100_000_000 + i * 1111), state: 'ended', startedAt, endedAt: startedAt + 600_000,
    durationSeconds: 600, agentId: ann, agentName: 'Ann', customerNames: [`Customer ${i}`], customerEmails: [''], endedByName: 'Ann',
    queueName: null, notes: '', staffIds: [ann], ...overrides,
  };
}

const entries: HistoryEntry[] = [
  entry(0, { customerNames: ['陳小明'], customerEmails: ['ming@example.tw'], notes: 'Printer "HP, 4th floor" jammed\nline two', queueName: 'Billing' }),
  entry(1, { customerNames: ['zoe', 'Walter'], customerEmails: ['zoe@example.com', ''], notes: 'VPN reset; 100% done_ok', durationSeconds: 30 }),
  entry(2, { agentId: ben, agentName: 'ben', customerNames: ['Yann'], notes: 'printer driver', staffIds: [ben, sue], queueName: 'Sales' }),
  entry(3, { agentId: ben, agentName: 'ben', customerNames: ['Xavier'], state: 'active', endedAt: null, durationSeconds: null, endedByName: null, notes: '', staffIds: [ben] }),
  entry(4, { customerNames: [], customerEmails: [], notes: 'no customer came', durationSeconds: 5 }),
];
const byId = new Map(entries.map((e) => [e.sessionId, e]));
const filter = (f: Partial<HistoryFilter> = {}): HistoryFilter => ({ from: 0, sort: 'startedAt', direction: 'asc', ...f });
const rowOf = ({ staffIds: _s, ...row }: HistoryEntry): HistoryRow => row;
const days = (rows: HistoryRow[]) => rows.map((r) => (r.startedAt - T0) / DAY);

interface Backend {
  name: string;
  open(): Promise<SessionHistoryStore>;
  /** A second store over the same data (restart), or null when the backend keeps nothing. */
  reopen?(): Promise<SessionHistoryStore>;
  cleanup(): Promise<void>;
}

function pgliteBackend(): Backend {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-history-'));
  return {
    name: 'pglite',
    open: () => Promise.resolve(new SqlHistoryStore('pglite', () => openPglite(dir))),
    reopen: () => Promise.resolve(new SqlHistoryStore('pglite', () => openPglite(dir))),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

const poolErrors: Error[] = [];

function postgresBackend(): Backend {
  let server: PostgresServerHandle | null = null;
  const open = async () => {
    server ??= await startPostgresServer();
    const url = server.url;
    // A pool error is kept, not thrown from the pool's event (that would kill the whole file):
    // the last test asserts none came while the store was in use.
    return new SqlHistoryStore('postgres', () => openPostgres(url, (err) => void poolErrors.push(err)));
  };
  return { name: 'postgres', open, reopen: open, cleanup: async () => server?.stop() };
}

const backends: Backend[] = [
  { name: 'memory', open: () => Promise.resolve(new MemoryHistoryStore()), cleanup: async () => {} },
  pgliteBackend(),
  postgresBackend(),
];

describe.each(backends)('session history store: $name', (backend) => {
  let store: SessionHistoryStore;

  beforeAll(async () => {
    store = await backend.open();
    await store.upsertMany(entries.slice(1));
    await store.upsert(entries[0] as HistoryEntry);
  });
  afterAll(async () => {
    await store?.close();
    await backend.cleanup();
  });

  it('returns what was stored: numbers, nulls, lists, new lines, quotes and Traditional Chinese', async () => {
    const { rows, total } = await store.query(filter(), ALL, null);
    expect(total).toBe(entries.length);
    expect(rows).toEqual(entries.map(rowOf));
  });

  it('an upsert replaces the entry of the same session', async () => {
    const changed = { ...(entries[4] as HistoryEntry), notes: 'customer came late', customerNames: ['Late'], customerEmails: ['late@example.com'] };
    await store.upsert(changed);
    expect((await store.query(filter({ customer: 'late@' }), ALL, null)).rows).toEqual([rowOf(changed)]);
    await store.upsert(entries[4] as HistoryEntry);
    expect((await store.query(filter(), ALL, null)).total).toBe(entries.length);
  });

  it('scope: an agent\'s own sessions, sessions a staff member took part in, or all', async () => {
    expect(days((await store.query(filter(), { kind: 'some', agentIds: [ann], staffId: ann }, null)).rows)).toEqual([0, 1, 4]);
    expect(days((await store.query(filter(), { kind: 'some', agentIds: [], staffId: sue }, null)).rows)).toEqual([2]);
    expect(days((await store.query(filter(), { kind: 'some', agentIds: [sue, ben], staffId: sue }, null)).rows)).toEqual([2, 3]);
    expect(days((await store.query(filter(), { kind: 'some', agentIds: [], staffId: randomUUID() }, null)).rows)).toEqual([]);
  });

  it('filters: date range, agent, number prefix, customer name or e-mail, every word of the notes', async () => {
    const found = async (f: Partial<HistoryFilter>) => days((await store.query(filter(f), ALL, null)).rows);
    expect(await found({ from: T0 + DAY, to: T0 + 3 * DAY })).toEqual([1, 2]);
    expect(await found({ agentId: ben })).toEqual([2, 3]);
    expect(await found({ number: '100002' })).toEqual([2]);
    expect(await found({ number: (entries[3] as HistoryEntry).number })).toEqual([3]);
    expect(await found({ customer: '小明' })).toEqual([0]);
    expect(await found({ customer: 'EXAMPLE.TW' })).toEqual([0]);
    expect(await found({ customer: 'walter' })).toEqual([1]);
    expect(await found({ text: 'printer' })).toEqual([0, 2]);
    expect(await found({ text: 'PRINTER floor' })).toEqual([0]);
    // Pattern characters are literal.
    expect(await found({ text: '100%' })).toEqual([1]);
    expect(await found({ text: 'done_ok' })).toEqual([1]);
    expect(await found({ text: '_' })).toEqual([1]);
    expect(await found({ customer: '%' })).toEqual([]);
    expect(await found({ agentId: ben, text: 'driver', customer: 'yann', from: T0 + 2 * DAY, to: T0 + 3 * DAY })).toEqual([2]);
  });

  it.each(HISTORY_SORT_COLUMNS.flatMap((sort) => (['asc', 'desc'] as const).map((direction) => ({ sort, direction }))))(
    'sorts by $sort $direction (empty values last, then newest first)',
    async ({ sort, direction }) => {
      const { rows } = await store.query(filter({ sort, direction }), ALL, null);
      const expected = [...entries].sort(compareEntries(sort, direction)).map(rowOf);
      expect(rows).toEqual(expected);
    },
  );

  it('sort by name ignores case; by duration puts running sessions last both ways', async () => {
    const agents = (await store.query(filter({ sort: 'agentName', direction: 'asc' }), ALL, null)).rows.map((r) => r.agentName);
    expect(agents).toEqual(['Ann', 'Ann', 'Ann', 'ben', 'ben']);
    for (const direction of ['asc', 'desc'] as const) {
      const rows = (await store.query(filter({ sort: 'durationSeconds', direction }), ALL, null)).rows;
      expect(rows.at(-1)?.durationSeconds).toBeNull();
    }
  });

  it('pages: a slice of the order, and the count of every match', async () => {
    const order = { sort: 'startedAt', direction: 'desc' } as const;
    expect(await store.query(filter(order), ALL, { offset: 0, limit: 2 })).toMatchObject({ total: 5 });
    expect(days((await store.query(filter(order), ALL, { offset: 0, limit: 2 })).rows)).toEqual([4, 3]);
    expect(days((await store.query(filter(order), ALL, { offset: 4, limit: 2 })).rows)).toEqual([0]);
    expect(await store.query(filter(order), ALL, { offset: 10, limit: 2 })).toEqual({ rows: [], total: 5 });
    expect(await store.query(filter({ ...order, agentId: ben }), ALL, { offset: 0, limit: 10 })).toMatchObject({ total: 2 });
  });

  it('tells which sessions are indexed as ended', async () => {
    const ids = [...byId.keys(), randomUUID()];
    const ended = await store.endedAmong(ids);
    expect([...ended].sort()).toEqual(entries.filter((e) => e.state === 'ended').map((e) => e.sessionId).sort());
  });

  it('purges ended sessions that started before a time (retention); running sessions and newer ones stay', async () => {
    const old = [entry(-900, { notes: 'old, ended' }), entry(-800, { notes: 'old, running', state: 'active', endedAt: null, durationSeconds: null })];
    await store.upsertMany(old);
    expect(await store.purgeEndedBefore(T0 - 500 * DAY)).toBe(1);
    const { rows } = await store.query(filter(), ALL, null);
    expect(rows.map((r) => r.notes)).toEqual(['old, running', ...entries.map((e) => e.notes)]);
    // Left as the other tests expect it (the running leftover is ended and purged too).
    await store.upsert({ ...(old[1] as HistoryEntry), state: 'ended', endedAt: (old[1] as HistoryEntry).startedAt + 1000 });
    expect(await store.purgeEndedBefore(T0 - 500 * DAY)).toBe(1);
    expect(await store.purgeEndedBefore(T0 - 500 * DAY)).toBe(0);
  });

  if (backend.reopen) {
    it('keeps everything across a restart', async () => {
      await store.close();
      store = await (backend.reopen?.() ?? backend.open());
      expect((await store.query(filter(), ALL, null)).rows).toEqual(entries.map(rowOf));
    });
  }

  it('the database connection reported no error while in use', () => {
    expect(poolErrors.map((e) => e.message)).toEqual([]);
  });
});

