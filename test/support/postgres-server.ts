import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { findFreePort } from './redis-server';

export interface PostgresServerHandle {
  /** postgresql://test@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  url: string;
  /** Stops the server and deletes its folder. Idempotent. */
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;
const MISSING_HINT = 'PostgreSQL was not found in /usr/lib/postgresql/*/bin: run scripts/setup.sh --test (apt-get install postgresql)';

/** The newest Debian PostgreSQL's bin folder. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'postgres')));
  if (!found) throw new Error(MISSING_HINT);
  return found;
}

/** PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  return { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
}

/**
 * Starts a throwaway PostgreSQL server (initdb in a temporary folder, fsync off) on a free
 * loopback port. Fails (never skips) when it cannot start.
 */
export async function startPostgresServer(): Promise<PostgresServerHandle> {
  const bin = binDir();
  const user = runAs();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-pg-'));
  if (user) fs.chownSync(dir, user.uid, user.gid);
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  execFileSync(path.join(bin, 'initdb'), ['-D', dir, '-U', 'test', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N'], { ...asUser, stdio: 'pipe' });
  const port = await findFreePort();
  const child = spawn(
    path.join(bin, 'postgres'),
    ['-D', dir, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    { ...asUser, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => { output = (output + chunk.toString()).slice(-4000); });
  const url = `postgresql://test@127.0.0.1:${port}/postgres`;
  let stopping: Promise<void> | null = null;
  const stop = () => (stopping ??= stopServer(child, dir));
  try {
    await waitUntilAccepting(url, child, () => output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

async function waitUntilAccepting(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${output()}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres not accepting connections after ${READY_TIMEOUT_MS} ms: ${String(err)}; ${output()}`);
    }
    await sleep(100);
  }
}

async function stopServer(child: ChildProcess, dir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGINT'); // fast shutdown
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
