import { Worker } from 'node:worker_threads';
import type { SqlClient } from './sql-client';

/**
 * The worker: PGlite (PostgreSQL compiled to WASM) is CPU-bound and its first create of a
 * folder takes seconds; in a worker thread it never blocks signaling on the main thread.
 * Messages: {id, op: 'query'|'exec'|'close', text, params} -> {id, rows} or {id, error}.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.module);
const opening = PGlite.create(workerData.dir);
opening.catch(() => {});
parentPort.on('message', async ({ id, op, text, params }) => {
  try {
    const db = await opening;
    if (op === 'query') parentPort.postMessage({ id, rows: (await db.query(text, params)).rows });
    else if (op === 'exec') { await db.exec(text); parentPort.postMessage({ id, rows: [] }); }
    else { await db.close(); parentPort.postMessage({ id, rows: [] }); }
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err && err.message || err), code: err && err.code } });
  }
});
`;

interface Reply {
  id: number;
  rows?: object[];
  error?: { message: string; code?: string };
}

/** PGlite in its own folder, run in a worker thread. */
export async function openPglite(dataDir: string): Promise<SqlClient> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: require.resolve('@electric-sql/pglite'), dir: dataDir } });
  const waiting = new Map<number, { resolve: (rows: object[]) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  const failAll = (err: Error) => {
    for (const { reject } of waiting.values()) reject(err);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    const call = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.error) call?.reject(Object.assign(new Error(`pglite: ${reply.error.message}`), { code: reply.error.code }));
    else call?.resolve(reply.rows ?? []);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`pglite worker exited (${code})`)));
  const call = (op: 'query' | 'exec' | 'close', text = '', params: readonly unknown[] = []) =>
    new Promise<object[]>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, op, text, params });
    });
  // Opened once the first call answers (the worker opens the folder as it starts).
  await call('query', 'SELECT 1');
  return {
    query: async <T extends object>(text: string, params: readonly unknown[] = []) => (await call('query', text, params)) as T[],
    exec: async (text: string) => { await call('exec', text); },
    close: async () => {
      await call('close');
      await worker.terminate();
    },
  };
}
