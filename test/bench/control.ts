/**
 * Remote control figures (npm run bench; alone: npx tsx test/bench/control.ts), on a real
 * X display: Xvfb is the customer's desktop, a headful Chromium there shares the entire
 * screen through the SFU, the BUILT helper injects the agent's input (socket.io relay:
 * agent page -> server -> helper), a target window on the desktop reacts.
 * (1) Control round trip: the agent's click on the shared view -> the target turns
 *     green/magenta -> the agent's decoded frame shows the new colour.
 * (2) Input delivery: agent keydown -> keydown in the target application (both pages'
 *     high-resolution epoch clocks, same machine), idle and while 64 KiB clipboard writes
 *     flow back to back on the same connections.
 * Writes .bench/control.json. Measurements, no targets.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { seedAccounts } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { startXvfb } from '../support/xvfb';
import { agentVideo, assertHelperBuilt, grantControl, launchDesktopBrowser, placeWindow, TARGET_PAGE, targetClicks, waitForColour } from '../e2e/control-desktop';
import type { AgentConsolePage } from '../e2e/pages/agent-console-page';
import { summarize } from './stats';

const CLICKS = Number(process.env.BENCH_CONTROL_CLICKS ?? 60);
const KEYS = Number(process.env.BENCH_CONTROL_KEYS ?? 120);
const DISPLAY_NUMBER = 93;
const OUT_DIR = path.resolve(__dirname, '..', '..', '.bench');

/** Installs, on the agent page, a per-frame watch of the target's colour (at fractions of the frame) and a pointerdown clock on the control surface. */
async function watchRoundTrips(agent: AgentConsolePage, at: { x: number; y: number }): Promise<void> {
  // tsx (esbuild) may wrap the functions below with __name(): make it harmless in the page.
  await agent.page.evaluate('globalThis.__name = globalThis.__name || ((f) => f);');
  await agent.page.evaluate(
    (videoSelector, surfaceSelector, fx, fy) => {
      const video = document.querySelector<HTMLVideoElement>(videoSelector)!;
      const surface = document.querySelector<HTMLElement>(surfaceSelector)!;
      const canvas = document.createElement('canvas');
      canvas.width = 4;
      canvas.height = 4;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const state = { pending: null as null | { t0: number; want: 'green' | 'magenta' }, samples: [] as number[], colour: '', frames: 0 };
      (window as unknown as { roundTrips: typeof state }).roundTrips = state;
      surface.addEventListener('pointerdown', () => {
        state.pending = { t0: performance.now(), want: state.colour === 'green' ? 'magenta' : 'green' };
      }, { capture: true });
      const onFrame = (now: number): void => {
        state.frames += 1;
        // The received resolution changes with the SFU's layer choice: sample at the same fraction of the frame.
        const x = Math.round(fx * video.videoWidth);
        const y = Math.round(fy * video.videoHeight);
        ctx.drawImage(video, x - 2, y - 2, 4, 4, 0, 0, 4, 4);
        const [r, g, b] = ctx.getImageData(1, 1, 1, 1).data;
        const colour = g! > 200 && r! < 70 && b! < 70 ? 'green' : r! > 200 && g! < 70 && b! > 200 ? 'magenta' : 'other';
        if (colour !== 'other') state.colour = colour;
        if (state.pending && colour === state.pending.want) {
          state.samples.push(now - state.pending.t0);
          state.pending = null;
        }
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    },
    agentVideo(agent),
    agent.inSession('control-surface'),
    at.x,
    at.y,
  );
}

async function roundTrips(agent: AgentConsolePage, target: Page): Promise<number[]> {
  const found = await waitForColour(agent.page, agentVideo(agent), 'magenta');
  // Away from the centre, where the mouse cursor (captured with the screen) sits after each click.
  const { left, top, right, bottom } = found.box;
  const frameAt = { x: (left + 0.85 * (right - left)) / found.frame.width, y: (top + 0.8 * (bottom - top)) / found.frame.height };
  await watchRoundTrips(agent, frameAt);
  for (let i = 0; i < CLICKS; i += 1) {
    await agent.page.mouse.click(found.client.x, found.client.y);
    await waitFor(`round trip ${i + 1}`, () => agent.page.evaluate(() => (window as unknown as { roundTrips: { pending: unknown } }).roundTrips.pending === null), { timeoutMs: 5000, intervalMs: 10 }).catch(async (err: Error) => {
      const seen = await agent.page.evaluate(() => JSON.stringify((window as unknown as { roundTrips: unknown }).roundTrips));
      const hit = await target.$eval('#target', (el) => el.className);
      throw new Error(`${err.message}: agent sees ${seen}, target class "${hit}", ${(await targetClicks(target)).length} clicks`);
    });
    // Apart from each other, so no click is taken for a double-click's second half.
    await new Promise((done) => setTimeout(done, 350 + Math.random() * 150));
  }
  return agent.page.evaluate(() => (window as unknown as { roundTrips: { samples: number[] } }).roundTrips.samples);
}

/** Agent keydown -> target keydown, ms, for `KEYS` typed characters. */
async function deliveries(agent: AgentConsolePage, target: Page): Promise<number[]> {
  await target.evaluate(() => void ((window as unknown as { keyTimes: number[] }).keyTimes.length = 0));
  await agent.page.evaluate((surfaceSelector) => {
    const times: number[] = [];
    (window as unknown as { sentKeys: number[] }).sentKeys = times;
    document.querySelector(surfaceSelector)!.addEventListener('keydown', () => times.push(performance.timeOrigin + performance.now()), { capture: true });
  }, agent.inSession('control-surface'));
  for (let i = 0; i < KEYS; i += 1) {
    await agent.page.keyboard.type('a');
    await new Promise((done) => setTimeout(done, 40));
  }
  const received = await waitFor('every key in the target', async () => {
    const times = await target.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes.slice());
    return times.length >= KEYS ? times : undefined;
  });
  const sent = await agent.page.evaluate(() => (window as unknown as { sentKeys: number[] }).sentKeys.slice());
  return received.slice(0, KEYS).map((at, i) => at - sent[i]!);
}

/** Clipboard writes of 64 KiB back to back from the agent page (the same connections input travels on). */
async function startClipboardLoad(agent: AgentConsolePage): Promise<() => Promise<number>> {
  await agent.page.evaluate((textSelector, sendSelector) => {
    const text = document.querySelector<HTMLTextAreaElement>(textSelector)!;
    text.value = 'x'.repeat(65_536);
    const send = document.querySelector<HTMLButtonElement>(sendSelector)!;
    const load = { sent: 0, timer: window.setInterval(() => { send.click(); load.sent += 1; }, 20) };
    (window as unknown as { clipboardLoad: typeof load }).clipboardLoad = load;
  }, agent.inSession('control-clipboard-text'), agent.inSession('control-clipboard-send'));
  return () => agent.page.evaluate(() => {
    const load = (window as unknown as { clipboardLoad: { sent: number; timer: number } }).clipboardLoad;
    window.clearInterval(load.timer);
    return load.sent;
  });
}

async function main(): Promise<void> {
  assertHelperBuilt();
  const xvfb = await startXvfb(DISPLAY_NUMBER, 1280, 720);
  const server = await startTestServer();
  const agentBrowser = await launchBrowser();
  const desktopBrowser = await launchDesktopBrowser(xvfb);
  const targetBrowser = await launchDesktopBrowser(xvfb, ['--window-position=640,0']);
  let granted: Awaited<ReturnType<typeof grantControl>> | undefined;
  try {
    const target = (await targetBrowser.pages())[0] ?? (await targetBrowser.newPage());
    await target.setContent(TARGET_PAGE);
    await target.evaluate(() => void ((window as unknown as { toggleOnClick: boolean }).toggleOnClick = true));
    await placeWindow(target, { left: 640, top: 0, width: 640, height: 720 });
    const { alice } = await seedAccounts(server.url, TEST_ADMIN);
    const loadBefore = os.loadavg();
    granted = await grantControl({ serverUrl: server.url, agentBrowser, desktopBrowser, xvfb, agentAccount: alice });
    const { agent } = granted;
    const roundTrip = summarize(await roundTrips(agent, target));
    process.stderr.write(`control round trip: ${JSON.stringify(roundTrip)}\n`);
    const idle = summarize(await deliveries(agent, target));
    process.stderr.write(`input delivery idle: ${JSON.stringify(idle)}\n`);
    const stopLoad = await startClipboardLoad(agent);
    const loaded = summarize(await deliveries(agent, target));
    const clipboardWrites = await stopLoad();
    process.stderr.write(`input delivery with clipboard load (${clipboardWrites} writes of 64 KiB): ${JSON.stringify(loaded)}\n`);
    const results = {
      takenAt: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg() },
      chromium: await agentBrowser.version(),
      method:
        'Xvfb 1280x720 desktop; headful Chromium shares the entire screen through the SFU to a headless agent Chromium; the built helper ' +
        '(single file) injects via XTEST. Round trip: pointerdown on the agent control surface -> relayed click (agent page -> server -> helper, socket.io) ' +
        '-> the target field changes colour -> first agent frame (requestVideoFrameCallback) showing the new colour. Delivery: agent keydown -> target keydown, ' +
        'epoch clocks of two Chromium processes on one machine; loaded = while the agent page sends 64 KiB clipboard writes every 20 ms through the same path.',
      figures: {
        'control.roundTripP50Ms': roundTrip.p50,
        'control.roundTripP95Ms': roundTrip.p95,
        'control.deliveryIdleP50Ms': idle.p50,
        'control.deliveryIdleP99Ms': idle.p99,
        'control.deliveryLoadedP50Ms': loaded.p50,
        'control.deliveryLoadedP99Ms': loaded.p99,
      },
      roundTrip,
      deliveryIdle: idle,
      deliveryWithClipboardLoad: { ...loaded, clipboardWrites },
    };
    mkdirSync(OUT_DIR, { recursive: true });
    writeFileSync(path.join(OUT_DIR, 'control.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } finally {
    await granted?.helper.stop();
    await agentBrowser.close();
    await desktopBrowser.close();
    await targetBrowser.close();
    await server.close();
    await xvfb.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`control bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
