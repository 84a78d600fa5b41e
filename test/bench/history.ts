/**
 * Session history query times at 100 000 records, for each backend (run: `npx tsx test/bench/history.ts`;
 * scripts/bench.sh runs it). The same synthetic year of sessions goes into the memory store, PGlite (a fresh
 * data folder, in its worker thread) and a throwaway PostgreSQL server (Debian's, fsync off); then each query
 * runs ROUNDS times after one warm-up and its p50/p95 in ms are printed and written to .bench/history.json.
 * Queries, as the History screen and CSV export send them:
 *   page     - a supervisor's team (5 agents), last 3 months, newest first, page 1 of 50 rows
 *   sorted   - an admin, last 3 months, sorted by customer name, page 3
 *   text     - an admin, last 3 months, one word in the notes, newest first, page 1
 *   customer - an admin, 12 months, part of a customer's name or e-mail, page 1
 *   csv      - one agent, last 3 months, every row (about 600) rendered as CSV
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultHistoryFrom } from '@rs/signaling';
import type { HistoryFilter, HistoryEntry, HistoryScope, SessionHistoryStore } from '../../server/src/history/history-store';
import { historyCsv } from '../../server/src/history/history-csv';
import { MemoryHistoryStore } from '../../server/src/history/memory-history-store';
import { openPglite } from '../../server/src/history/pglite-client';
import { openPostgres } from '../../server/src/history/pg-client';
import { SqlHistoryStore } from '../../server/src/history/sql-history-store';
import { startPostgresServer } from '../support/postgres-server';
import { summarize } from './stats';

const RECORDS = Number(process.env.HISTORY_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.HISTORY_ROUNDS ?? 20);
const AGENTS = 40;
const NOW = Date.UTC(2026, 11, 1);
const YEAR = 365 * 24 * 3600 * 1000;
const WORDS = ['printer', 'vpn', 'password', 'mailbox', 'driver', 'screen', 'slow', 'reset', 'update', 'license', 'backup', 'wifi', 'outlook', 'teams', 'excel', 'crash', 'login', 'token', 'badge', 'scanner'];
const FIRST = ['Ann', 'Ben', 'Chloé', 'Dirk', 'Eva', '陳', '林', '王', 'Fatima', 'Gus', 'Hana', 'Ivo'];
const LAST = ['Smith', 'Dubois', 'de Vries', '小明', '美玲', '大同', 'Khan', 'Jansen', 'Martin', 'Lee'];

/** Deterministic pseudo-random numbers (the same data for every backend and run). */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

function dataset(): { entries: HistoryEntry[]; agents: string[] } {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const agents = Array.from({ length: AGENTS }, () => randomUUID());
  const entries = Array.from({ length: RECORDS }, (_, i): HistoryEntry => {
    const agent = i % AGENTS;
    const startedAt = NOW - Math.floor(next() * YEAR);
    const durationSeconds = 60 + Math.floor(next() * 3600);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    return {
      sessionId: randomUUID(), number: String(100_000_000 + Math.floor(next() * 899_999_999)), state: 'ended', startedAt,
      endedAt: startedAt + durationSeconds * 1000, durationSeconds, agentId: agents[agent] as string, agentName: `Agent ${agent}`,
      customerNames: [name], customerEmails: [next() < 0.5 ? `user${i}@example.com` : ''], endedByName: `Agent ${agent}`,
      queueName: next() < 0.6 ? pick(['Billing', 'Sales', 'IT']) : null,
      notes: Array.from({ length: 3 + Math.floor(next() * 8) }, () => pick(WORDS)).join(' '),
      staffIds: [agents[agent] as string],
    };
  });
  return { entries, agents };
}

interface Query {
  name: string;
  run(store: SessionHistoryStore): Promise<unknown>;
}

function queries(agents: string[]): Query[] {
  const from = defaultHistoryFrom(NOW);
  const admin: HistoryScope = { kind: 'all' };
  const team: HistoryScope = { kind: 'some', agentIds: agents.slice(0, 5), staffId: randomUUID() };
  const base: HistoryFilter = { from, sort: 'startedAt', direction: 'desc' };
  return [
    { name: 'page', run: (s) => s.query(base, team, { offset: 0, limit: 50 }) },
    { name: 'sorted', run: (s) => s.query({ ...base, sort: 'customerName', direction: 'asc' }, admin, { offset: 100, limit: 50 }) },
    { name: 'text', run: (s) => s.query({ ...base, text: 'scanner' }, admin, { offset: 0, limit: 50 }) },
    { name: 'customer', run: (s) => s.query({ ...base, from: NOW - YEAR, customer: '美玲' }, admin, { offset: 0, limit: 50 }) },
    { name: 'csv', run: async (s) => historyCsv((await s.query({ ...base, agentId: agents[7] }, admin, null)).rows) },
  ];
}

async function measure(name: string, store: SessionHistoryStore, entries: HistoryEntry[], list: Query[]) {
  const loadStart = performance.now();
  await store.upsertMany(entries);
  const loadSeconds = Math.round((performance.now() - loadStart) / 100) / 10;
  const results: Record<string, ReturnType<typeof summarize>> = {};
  for (const query of list) {
    await query.run(store);
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      await query.run(store);
      samples.push(performance.now() - start);
    }
    results[query.name] = summarize(samples);
  }
  console.log(`${name.padEnd(9)} load ${loadSeconds}s  ${list.map((q) => `${q.name} ${results[q.name]?.p50}/${results[q.name]?.p95}`).join('  ')} (ms p50/p95)`);
  return { loadSeconds, queries: results };
}

async function main(): Promise<void> {
  const { entries, agents } = dataset();
  const list = queries(agents);
  const out: Record<string, unknown> = { records: RECORDS, rounds: ROUNDS, cpus: os.cpus().length, at: new Date().toISOString() };
  console.log(`session history: ${RECORDS} records, ${ROUNDS} rounds per query`);

  const memory = new MemoryHistoryStore();
  out.memory = await measure('memory', memory, entries, list);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-history-bench-'));
  const openStart = performance.now();
  const pglite = new SqlHistoryStore('pglite', () => openPglite(dir));
  await pglite.ready();
  const pgliteOpen = Math.round(performance.now() - openStart);
  try {
    out.pglite = { createMs: pgliteOpen, ...(await measure('pglite', pglite, entries, list)) };
  } finally {
    await pglite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const server = await startPostgresServer();
  const postgres = new SqlHistoryStore('postgres', () => openPostgres(server.url, (err) => console.error(err)));
  try {
    out.postgres = await measure('postgres', postgres, entries, list);
  } finally {
    await postgres.close();
    await server.stop();
  }
  fs.mkdirSync('.bench', { recursive: true });
  fs.writeFileSync('.bench/history.json', `${JSON.stringify(out, null, 2)}\n`);
  console.log('written to .bench/history.json');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
