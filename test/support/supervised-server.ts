import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ROUTES } from '@rs/signaling';
import { TEST_ADMIN } from './test-server';
import { waitFor } from './wait-for';

const SUPERVISOR = path.resolve(__dirname, '..', '..', 'server', 'dist', 'supervisor.js');
/** Settings of the outer environment that would change where state goes. */
const STATE_VARIABLES = ['REDIS_URL', 'TOKEN_SECRET', 'STATE', 'EPHEMERAL', 'DATA_DIR', 'HISTORY_DIR', 'HISTORY_DATABASE_URL', 'PUBLIC_URL', 'PORT', 'HOST'];

/** The built start command (server/dist/supervisor.js running main.js) as `npm start` runs it. */
export interface SupervisedServer {
  url: string;
  process: ChildProcess;
  /** Pids of every server process the supervisor started, in order. */
  serverPids(): number[];
  output(): string;
  /** SIGTERM to the supervisor; resolves with its exit code. */
  stop(): Promise<number | null>;
}

export async function startSupervised(dataDir: string, port?: number): Promise<SupervisedServer> {
  if (!existsSync(SUPERVISOR)) throw new Error(`${SUPERVISOR} is missing: run node scripts/build.mjs`);
  const chosenPort = port ?? (await freePort());
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !STATE_VARIABLES.includes(key)));
  const child = spawn(process.execPath, [SUPERVISOR], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(chosenPort), ADMIN_PASSWORD: TEST_ADMIN.password,
      MEDIA_WORKERS: '1', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      JOIN_ATTEMPTS_PER_ADDRESS: '10000', JOIN_ATTEMPTS_PER_PREFIX: '10000', LOGIN_ATTEMPTS_PER_ADDRESS: '10000',
    },
  });
  let text = '';
  const append = (chunk: Buffer) => void (text = (text + chunk.toString('utf8')).slice(-20_000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${chosenPort}`;
  const server: SupervisedServer = {
    url,
    process: child,
    serverPids: () => [...text.matchAll(/server started \(pid (\d+)\)/g)].map((m) => Number(m[1])),
    output: () => text,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  await waitUntilServing(server);
  return server;
}

/** Polls the health route until the server answers (the supervisor may be restarting it). */
export async function waitUntilServing(server: SupervisedServer): Promise<void> {
  await waitFor(`the supervised server to serve ${server.url}\n${server.output()}`, async () => {
    if (server.process.exitCode !== null) throw new Error(`supervisor exited ${server.process.exitCode}: ${server.output()}`);
    return (await fetch(`${server.url}${ROUTES.health}`).catch(() => null))?.ok === true;
  }, { timeoutMs: 60_000, intervalMs: 100 });
}

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
