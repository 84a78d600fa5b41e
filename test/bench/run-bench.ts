/**
 * npm run bench: measures, in real headless Chromium against a real server and
 * mediasoup SFU on loopback, (1) the time from the customer's Join click to the
 * first decoded screen frame on the agent page, (2) per capture size and quality
 * mode, what the agent receives through the SFU (resolution, time to full
 * resolution, frame rate, glass-to-glass latency, picture fidelity) next to a
 * direct peer-to-peer baseline between the same pages (see screen-matrix.ts),
 * (3) the mediasoup worker's CPU per forwarded stream, and (4) recovery times
 * after real faults (worker kill, customer offline, server restart; see recovery.ts).
 * Prints and writes .bench/results.json; `figures` holds one stable key per figure.
 * No targets are asserted here: these are measurements.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version as mediasoupVersion } from 'mediasoup';
import type { Browser } from 'puppeteer-core';
import { seedAccounts } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import { TestClient, login } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import { closeBenchSession, openBenchSession, type BenchSession } from './bench-session';
import { measureRecovery } from './recovery';
import { SCREEN_MATRIX_METHOD, measureScreenMatrix, type Figures } from './screen-matrix';
import { measureSfuCpu } from './sfu-cpu';
import { summarize } from './stats';

const RUNS = Number(process.env.BENCH_JOIN_RUNS ?? 5);
const MATRIX = {
  frames: Number(process.env.BENCH_FRAMES ?? 240),
  maxMs: Number(process.env.BENCH_WINDOW_MS ?? 15_000),
  settleMs: Number(process.env.BENCH_SETTLE_MS ?? 1_000),
};
const RECOVERY_RUNS = Number(process.env.BENCH_RECOVERY_RUNS ?? 5);
const JOIN_SCREEN = { width: 1280, height: 720 };
const OUT_DIR = path.resolve(__dirname, '..', '..', '.bench');

async function joinRuns(browser: Browser, baseUrl: string, account: Credentials): Promise<BenchSession[]> {
  const runs: BenchSession[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await openBenchSession(browser, baseUrl, account, JOIN_SCREEN);
    runs.push(run);
    if (i < RUNS - 1) await closeBenchSession(run);
    process.stderr.write(`join run ${i + 1}/${RUNS}: ${(run.firstFrameAt - run.joinClickedAt).toFixed(0)} ms\n`);
  }
  return runs;
}

async function main(): Promise<void> {
  const server = await startTestServer({ media: { workers: 2 } });
  const browser = await launchBrowser();
  try {
    // Each run ends its session before the next starts: the agent's maximum of 2 is enough.
    const { alice } = await seedAccounts(server.url, TEST_ADMIN);
    const runs = await joinRuns(browser, server.url, alice);
    const last = runs[runs.length - 1]!;
    const sessionId = await server.app.services.store.findSessionIdByNumber(last.number);
    const room = sessionId ? await server.app.services.rooms.peek(sessionId) : undefined;
    const screen = room?.listProducers().find((p) => p.source === 'screen');
    if (!sessionId || !room || !screen) throw new Error('the shared screen is gone');
    // Forward the full-quality stream while measuring the SFU.
    const agentSocket = await TestClient.connect(server.url, (await login(server.url, alice)).token);
    await agentSocket.call('session:join', { sessionId });
    await agentSocket.call('share:set-quality', { sessionId, producerId: screen.producerId, mode: 'high-detail' });
    agentSocket.close();
    const sfu = await measureSfuCpu(room, screen.producerId);
    await closeBenchSession(last);
    const screenFigures = await measureScreenMatrix(browser, server, alice, MATRIX);
    const recovery = await measureRecovery(browser, server, alice, RECOVERY_RUNS);
    const joinToFirstFrameMs = summarize(runs.map((r) => r.firstFrameAt - r.joinClickedAt));
    const allowToFirstFrameMs = summarize(runs.map((r) => r.firstFrameAt - r.allowClickedAt));
    const figures: Figures = {
      'join.joinToFirstFrameP50Ms': joinToFirstFrameMs.p50,
      'join.joinToFirstFrameP95Ms': joinToFirstFrameMs.p95,
      'join.allowToFirstFrameP50Ms': allowToFirstFrameMs.p50,
      'join.allowToFirstFrameP95Ms': allowToFirstFrameMs.p95,
      ...screenFigures,
      'sfu.workerCpuPerForwardedStreamPercentOfCore': sfu.perStreamPercent,
    };
    const results = {
      takenAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: os.loadavg() },
      chromium: await browser.version(),
      mediasoup: mediasoupVersion,
      method:
        'One headless Chromium (Debian), two windows, loopback, real server + mediasoup SFU (2 workers). ' +
        'Join: customer Join click -> first frame presented in the agent <video> (requestVideoFrameCallback), includes the agent ' +
        'clicking "Request view" and the customer clicking "Allow" (driven by puppeteer as soon as the buttons appear), ' +
        `${JOIN_SCREEN.width}x${JOIN_SCREEN.height} screen. Screen: ${SCREEN_MATRIX_METHOD}`,
      screenWindow: MATRIX,
      figures,
      joinToFirstFrameMs,
      allowToFirstFrameMs,
      sfuWorkerCpu: {
        method: 'Worker CPU (getResourceUsage) over 5 s windows while the live 1280x720 screen producer is forwarded to N plain-RTP consumers on loopback; slope = % of one core per forwarded stream.',
        perForwardedStreamPercentOfCore: sfu.perStreamPercent,
        points: sfu.points,
      },
      recovery,
    };
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
