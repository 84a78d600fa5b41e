/**
 * Queue figures against the built server in its own process (private Redis in a
 * temporary data folder, as `npm start` runs it), clients from this harness over
 * loopback (run: `npx tsx test/bench/queue.ts`, after `node scripts/build.mjs`).
 * 1. "Accept next" -> both sides in the session: from the agent's click to the
 *    agent's and the customer's `session:join` answered (the customer enters with
 *    the admission pushed to their waiting page), p50/p95.
 * 2. 200 waiting customers, 20 agents pressing Accept next at once, 5 times: from
 *    the clicks to each remaining customer seeing their new position, p50/p95, and
 *    the server process's CPU over those rounds. Measurements, no targets.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROUTES } from '@rs/signaling';
import type { HelpResponse } from '@rs/signaling';
import { QueueWorld } from '../support/queue-world';
import type { QueueAgent } from '../support/queue-world';
import { TestClient, postJson, unwrap } from '../support/signaling-client';
import { TEST_ADMIN } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { summarize } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const ACCEPT_ROUNDS = 40;
const WAITING = 200;
const AGENTS = 20;
const BURSTS = 5;

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => probe.once('listening', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function startServer(): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rs-queue-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn',
      ADMIN_PASSWORD: TEST_ADMIN.password, MEDIA_WORKERS: '1', HELP_REQUESTS_PER_ADDRESS: '100000', LOGIN_ATTEMPTS_PER_ADDRESS: '100000',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('the server to answer', async () => (await fetch(`${url}${ROUTES.health}`).catch(() => null))?.ok === true, { timeoutMs: 60_000 });
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Accept next -> agent and customer both joined, one customer at a time. */
async function acceptToSession(world: QueueWorld): Promise<number[]> {
  const queue = await world.createQueue({ name: { en: 'Bench accept' } });
  const agent = await world.agent([queue], 1, 'Bench Agent');
  const samples: number[] = [];
  for (let i = 0; i < ACCEPT_ROUNDS; i++) {
    const { page } = await world.customer(queue.id, `Customer ${i}`);
    const t0 = performance.now();
    const accepted = await agent.client.call('queue:accept-next', { queueId: queue.id });
    const agentIn = agent.client.call('session:join', { sessionId: accepted.session.id });
    const admitted = await page.waitForEvent('queue:accepted');
    const customer = await TestClient.connect(world.url, admitted.admission?.token ?? '');
    await Promise.all([agentIn, customer.call('session:join', { sessionId: accepted.session.id })]);
    samples.push(performance.now() - t0);
    await agent.client.call('session:end', { sessionId: accepted.session.id });
    customer.close();
    page.close();
  }
  return samples;
}

/** 200 waiting, 20 agents accepting at once: time until every remaining customer sees their new place. */
async function positionsUnderLoad(world: QueueWorld, pid: number): Promise<{ samples: number[]; cpuPercent: number; seconds: number }> {
  const queue = await world.createQueue({ name: { en: 'Bench load' } });
  const agents: QueueAgent[] = [];
  for (let i = 0; i < AGENTS; i++) agents.push(await world.agent([queue], 20, `Agent ${i}`));
  const pages: { help: HelpResponse; page: TestClient; seen: Map<number, number> }[] = [];
  for (let i = 0; i < WAITING; i++) {
    const help = unwrap(await postJson<HelpResponse>(world.url, ROUTES.help, { queueId: queue.id, language: 'en', form: { name: `Waiting ${i}`, fields: {} } }));
    const page = await world.connect(help.waitToken);
    const seen = new Map<number, number>();
    page.socket.on('queue:status', (status: { position: number }) => {
      if (!seen.has(status.position)) seen.set(status.position, performance.now());
    });
    pages.push({ help, page, seen });
  }
  const samples: number[] = [];
  const cpu0 = cpuSeconds(pid);
  const wall0 = performance.now();
  for (let burst = 1; burst <= BURSTS; burst++) {
    const remaining = pages.slice(burst * AGENTS);
    const t0 = performance.now();
    await Promise.all(agents.map((a) => a.client.call('queue:accept-next', { queueId: queue.id })));
    for (const [i, p] of remaining.entries()) {
      const position = i + 1;
      const at = await waitFor(`customer ${p.help.entryId} at position ${position}`, () => {
        const when = p.seen.get(position);
        return when !== undefined && when >= t0 ? when : undefined;
      }, { timeoutMs: 30_000, intervalMs: 5 });
      samples.push(at - t0);
    }
  }
  const seconds = (performance.now() - wall0) / 1000;
  return { samples, cpuPercent: Math.round(((cpuSeconds(pid) - cpu0) / seconds) * 1000) / 10, seconds: Math.round(seconds * 10) / 10 };
}

async function main(): Promise<void> {
  const server = await startServer();
  const world = new QueueWorld(server.url);
  try {
    const accept = summarize(await acceptToSession(world));
    world.closeClients();
    const load = await positionsUnderLoad(world, server.pid);
    const results = {
      store: 'redis (private, as npm start)',
      acceptNextToBothInSessionMs: accept,
      positionUpdateAfterAcceptsMs: { waiting: WAITING, agents: AGENTS, bursts: BURSTS, ...summarize(load.samples) },
      serverCpuPercentOfOneCoreDuringBursts: load.cpuPercent,
      burstsWallSeconds: load.seconds,
    };
    mkdirSync(path.join(ROOT, '.bench'), { recursive: true });
    writeFileSync(path.join(ROOT, '.bench', 'queue.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    world.closeClients();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err instanceof Error ? err.stack : err)}\n`);
  process.exit(1);
});
