/**
 * npm run bench: measures, in real headless Chromium against a real server and
 * mediasoup SFU on loopback, (1) the time from the customer's Join click to the
 * first decoded screen frame on the agent page, (2) glass-to-glass latency of
 * the screen share through the SFU, overall and per quality mode, and (3) the
 * mediasoup worker's CPU per forwarded stream, and (4) recovery times after real
 * faults (worker kill, customer offline, server restart; see recovery.ts).
 * Prints and writes .bench/results.json.
 * No targets are asserted here: these are measurements.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version as mediasoupVersion } from 'mediasoup';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser } from '../support/browser';
import { seedAccounts } from '../support/accounts';
import { TestClient, login } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { AgentConsolePage } from '../e2e/pages/agent-console-page';
import { CustomerPage } from '../e2e/pages/customer-page';
import { byTestId, click, visible } from '../e2e/pages/page-helpers';
import { collectGlassToGlass, glassToGlassPerMode } from './quality-modes';
import { measureRecovery } from './recovery';
import { measureSfuCpu } from './sfu-cpu';
import { summarize } from './stats';
import { GRID, installFrameDecoder, installTimestampScreen } from './timestamp-grid';

const RUNS = Number(process.env.BENCH_JOIN_RUNS ?? 5);
const FRAMES = Number(process.env.BENCH_FRAMES ?? 600);
const RECOVERY_RUNS = Number(process.env.BENCH_RECOVERY_RUNS ?? 5);
const SCREEN = { width: 1280, height: 720 };
const OUT_DIR = path.resolve(__dirname, '..', '..', '.bench');

const epochNow = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());

/** esbuild/tsx may wrap functions with __name(); make it harmless in the pages. */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

interface JoinRun {
  number: string;
  joinToFirstFrameMs: number;
  allowToFirstFrameMs: number;
  agent: AgentConsolePage;
  customer: CustomerPage;
}

async function oneSession(browser: Browser, baseUrl: string, account: Credentials): Promise<JoinRun> {
  const agent = await AgentConsolePage.open(browser, baseUrl);
  await agent.page.evaluateOnNewDocument(NAME_SHIM);
  await agent.page.evaluateOnNewDocument(installFrameDecoder, agent.inSession('screen-video'), GRID.cols, GRID.rows, GRID.timeBits);
  await agent.page.reload({ waitUntil: 'load' });
  await agent.signIn(account);
  const number = await agent.startSession();

  const customer = await CustomerPage.open(browser, baseUrl);
  await customer.page.evaluateOnNewDocument(NAME_SHIM);
  await customer.page.evaluateOnNewDocument(installTimestampScreen, SCREEN.width, SCREEN.height, GRID.cols, GRID.rows, GRID.timeBits);
  await customer.page.reload({ waitUntil: 'load' });

  await customer.page.type('[data-testid="join-number"]', number);
  await customer.page.type('[data-testid="join-name"]', 'Bench Customer');
  const joinClickedAt = await epochNow(customer.page);
  await customer.page.click('[data-testid="join-submit"]');
  await agent.waitForParticipant('Bench Customer');
  await agent.requestView();
  await visible(customer.page, byTestId('consent-allow'));
  const allowClickedAt = await epochNow(customer.page);
  await click(customer.page, byTestId('consent-allow'));
  const firstFrameAt = await waitFor('first decoded frame on the agent page', () =>
    agent.page.evaluate(() => (window as unknown as { __firstFrameAt: number | null }).__firstFrameAt ?? undefined),
  );
  return {
    number,
    joinToFirstFrameMs: firstFrameAt - joinClickedAt,
    allowToFirstFrameMs: firstFrameAt - allowClickedAt,
    agent,
    customer,
  };
}

async function main(): Promise<void> {
  const server = await startTestServer({ media: { workers: 2 } });
  const browser = await launchBrowser();
  try {
    // Each run ends its session before the next starts: the agent's maximum of 2 is enough.
    const { alice } = await seedAccounts(server.url, TEST_ADMIN);
    const runs: JoinRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await oneSession(browser, server.url, alice);
      runs.push(run);
      if (i < RUNS - 1) {
        await run.agent.endSession();
        await Promise.all([run.agent.page.close(), run.customer.page.close()]);
      }
      process.stderr.write(`join run ${i + 1}/${RUNS}: ${run.joinToFirstFrameMs.toFixed(0)} ms\n`);
    }
    const last = runs[runs.length - 1]!;
    const g2g = await collectGlassToGlass(last.agent.page, FRAMES);
    const sessionId = await server.app.services.store.findSessionIdByNumber(last.number);
    const room = sessionId ? await server.app.services.rooms.peek(sessionId) : undefined;
    const screen = room?.listProducers().find((p) => p.source === 'screen');
    if (!sessionId || !room || !screen) throw new Error('the shared screen is gone');
    const agentSocket = await TestClient.connect(server.url, (await login(server.url, alice)).token);
    await agentSocket.call('session:join', { sessionId });
    const perMode = await glassToGlassPerMode(agentSocket, sessionId, screen.producerId, last.agent.page, (mode) =>
      mode === 'low-bandwidth' ? Math.min(FRAMES, 150) : FRAMES,
    );
    // Forward the full-quality stream while measuring the SFU.
    await agentSocket.call('share:set-quality', { sessionId, producerId: screen.producerId, mode: 'high-detail' });
    agentSocket.close();
    const sfu = await measureSfuCpu(room, screen.producerId);
    const recovery = await measureRecovery(browser, server, alice, RECOVERY_RUNS);
    const results = {
      takenAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version },
      chromium: await browser.version(),
      mediasoup: mediasoupVersion,
      method:
        'One headless Chromium (Debian), two windows, loopback, real server + mediasoup SFU (2 workers). ' +
        'Join: customer Join click -> first frame presented in the agent <video> (requestVideoFrameCallback), includes the agent ' +
        'clicking "Request view" and the customer clicking "Allow" (driven by puppeteer as soon as the buttons appear). ' +
        `Glass-to-glass: customer "screen" is a ${SCREEN.width}x${SCREEN.height} canvas painting epoch ms as a cell grid each frame ` +
        '(captureStream 60 fps); the agent decodes each presented frame; latency = presentation time - painted time (same clock).',
      joinToFirstFrameMs: summarize(runs.map((r) => r.joinToFirstFrameMs)),
      allowToFirstFrameMs: summarize(runs.map((r) => r.allowToFirstFrameMs)),
      glassToGlassMs: g2g.latency,
      undecodableFrames: g2g.badFrames,
      glassToGlassByQualityModeMs: Object.fromEntries(Object.entries(perMode).map(([mode, r]) => [mode, { ...r.latency, undecodableFrames: r.badFrames }])),
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
