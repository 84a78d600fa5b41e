import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import type { SeededAccount } from '../support/accounts';
import { CHROMIUM_PATH } from '../support/browser';
import { waitFor } from '../support/wait-for';
import type { XvfbHandle } from '../support/xvfb';
import { shareCustomerScreen } from './media-helpers';
import { AgentConsolePage } from './pages/agent-console-page';
import { CustomerPage } from './pages/customer-page';
import { attribute, byTestId, click, visible } from './pages/page-helpers';

/** The built helper program (scripts/build-helper.mjs, run by scripts/build.mjs). */
export const BUILT_HELPER = resolve(__dirname, '../../helper/dist/remote-support-helper-linux-x64');

export function assertHelperBuilt(): void {
  if (!existsSync(BUILT_HELPER)) throw new Error(`${BUILT_HELPER} is missing: run node scripts/build.mjs first`);
}

/**
 * A headful Chromium on the customer's (virtual) desktop. It can share the entire
 * screen (MACHINE.md): auto-selected capture source and NO fake media UI flag.
 */
export async function launchDesktopBrowser(xvfb: XvfbHandle, extraArgs: string[] = []): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: false,
    defaultViewport: null,
    env: { ...process.env, DISPLAY: xvfb.display },
    args: [
      '--no-sandbox',
      '--use-fake-device-for-media-stream',
      '--auto-select-desktop-capture-source=Entire screen',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--password-store=basic',
      '--disable-quic',
      '--disable-features=NetworkTimeServiceQuerying,Translate',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
      '--window-position=0,0',
      '--window-size=640,720',
      ...extraArgs,
    ],
  });
}

/** Puts a page's window at a place of the desktop (no window manager runs on Xvfb: bounds are exact). */
export async function placeWindow(page: Page, bounds: { left: number; top: number; width: number; height: number }): Promise<void> {
  const cdp = await page.createCDPSession();
  const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { ...bounds, windowState: 'normal' } });
  await cdp.detach();
}

/**
 * The application the agent drives on the customer's desktop: a magenta text
 * field that records clicks (position inside the field), and with
 * `window.toggleOnClick` turns green / back to magenta on each click (the bench);
 * everything around is white.
 */
export const TARGET_PAGE = `<!doctype html><meta charset="utf-8"><title>target</title>
<style>html,body{margin:0;height:100%;background:#fff}
#target{position:absolute;left:200px;top:260px;width:160px;height:100px;border:0;outline:0;padding:0 8px;box-sizing:border-box;background:#f0f;font:18px monospace;color:#000;caret-color:#000}
#target.hit{background:#0f0}</style>
<input id="target" autocomplete="off" spellcheck="false">
<script>
  window.clicks = [];
  const target = document.getElementById('target');
  target.addEventListener('mousedown', (e) => {
    clicks.push({ x: e.offsetX, y: e.offsetY, at: performance.timeOrigin + e.timeStamp });
    if (window.toggleOnClick) target.classList.toggle('hit');
  });
  window.keyTimes = [];
  target.addEventListener('keydown', (e) => keyTimes.push(performance.timeOrigin + e.timeStamp));
</script>`;

export interface TargetClick {
  x: number;
  y: number;
  at: number;
}

export function targetClicks(page: Page): Promise<TargetClick[]> {
  return page.evaluate(() => (window as unknown as { clicks: TargetClick[] }).clicks);
}

export function targetText(page: Page): Promise<string> {
  return page.$eval('#target', (el) => (el as HTMLInputElement).value);
}

export function targetSize(page: Page): Promise<{ width: number; height: number }> {
  return page.$eval('#target', (el) => ({ width: (el as HTMLElement).offsetWidth, height: (el as HTMLElement).offsetHeight }));
}

/** The helper program, downloaded like a customer would and running on the desktop. */
export interface RunningHelper {
  process: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/** Downloads the helper from the server (file with the pairing trailer), makes it executable and starts it on the display. */
export async function downloadAndRunHelper(serverUrl: string, downloadPath: string, display: string): Promise<RunningHelper> {
  const response = await fetch(new URL(downloadPath, serverUrl));
  if (!response.ok) throw new Error(`helper download failed: ${response.status}`);
  const dir = mkdtempSync(join(tmpdir(), 'rs-helper-'));
  const file = join(dir, 'remote-support-helper');
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  chmodSync(file, 0o755);
  // A clean environment: no node_modules, no NODE_* settings, only the display.
  const child = spawn(file, [], { cwd: dir, env: { PATH: '/usr/bin:/bin', DISPLAY: display, HOME: dir, REMOTE_SUPPORT_HELPER_DEBUG: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  void exited.then(() => rmSync(dir, { recursive: true, force: true }));
  return {
    process: child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Where a colour shows in the agent's decoded video, as a client point of the page (object-fit: contain). */
export interface FoundColour {
  client: { x: number; y: number };
  /** Bounding box in frame pixels. */
  box: { left: number; top: number; right: number; bottom: number };
  frame: { width: number; height: number };
}

/**
 * Finds the pixels of a colour in the last decoded frame of a <video> on the page and
 * returns the page point at their centre (the video is letterboxed with object-fit: contain).
 */
export async function findColourInVideo(page: Page, videoSelector: string, colour: 'magenta' | 'green'): Promise<FoundColour | null> {
  return page.evaluate(
    (selector, wanted) => {
      const video = document.querySelector<HTMLVideoElement>(selector);
      if (!video || !video.videoWidth) return null;
      const { videoWidth: w, videoHeight: h } = video;
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const ctx = canvas.getContext('2d', { willReadFrequently: true });
      if (!ctx) return null;
      ctx.drawImage(video, 0, 0, w, h);
      const data = ctx.getImageData(0, 0, w, h).data;
      let left = w;
      let top = h;
      let right = -1;
      let bottom = -1;
      for (let y = 0; y < h; y += 1) {
        for (let x = 0; x < w; x += 1) {
          const i = (y * w + x) * 4;
          const r = data[i]!;
          const g = data[i + 1]!;
          const b = data[i + 2]!;
          const match = wanted === 'magenta' ? r > 200 && g < 70 && b > 200 : r < 70 && g > 200 && b < 70;
          if (!match) continue;
          if (x < left) left = x;
          if (x > right) right = x;
          if (y < top) top = y;
          if (y > bottom) bottom = y;
        }
      }
      if (right < 0) return null;
      // The video may sit below the fold of the console (as a person would, scroll to it first).
      video.scrollIntoView({ block: 'center', inline: 'nearest' });
      const rect = video.getBoundingClientRect();
      const scale = Math.min(rect.width / w, rect.height / h);
      const offsetX = rect.left + (rect.width - w * scale) / 2;
      const offsetY = rect.top + (rect.height - h * scale) / 2;
      const cx = (left + right + 1) / 2;
      const cy = (top + bottom + 1) / 2;
      return { client: { x: offsetX + cx * scale, y: offsetY + cy * scale }, box: { left, top, right, bottom }, frame: { width: w, height: h } };
    },
    videoSelector,
    colour,
  );
}

/** Waits until the colour shows in the agent's video. */
export function waitForColour(page: Page, videoSelector: string, colour: 'magenta' | 'green', timeoutMs = 15_000): Promise<FoundColour> {
  return waitFor(`${colour} in the agent's video`, async () => (await findColourInVideo(page, videoSelector, colour)) ?? undefined, { timeoutMs, intervalMs: 100 });
}

/** The agent page's shared-screen video. */
export const agentVideo = (agent: AgentConsolePage): string => agent.inSession('screen-video');

/** data-state of the control status line ('asked', 'pairing', 'active', 'paused'...); `inSession` for the console's session in front. */
export function controlStateOf(page: Page, inSession = false): Promise<string | null> {
  return attribute(page, byTestId('control-state', inSession ? '[data-testid="session-view"]:not([hidden])' : ''), 'data-state');
}

export interface ControlledDesktop {
  agent: AgentConsolePage;
  customer: CustomerPage;
  helper: RunningHelper;
  number: string;
}

/**
 * An agent and a customer in a session, the customer's whole desktop on the agent's
 * screen, control requested and allowed, the helper downloaded from the customer's
 * page and paired: control is active on both pages. The caller closes the pages and
 * stops the helper.
 */
export async function grantControl(opts: { serverUrl: string; agentBrowser: Browser; desktopBrowser: Browser; xvfb: XvfbHandle; agentAccount: SeededAccount }): Promise<ControlledDesktop> {
  const agent = await AgentConsolePage.open(opts.agentBrowser, opts.serverUrl);
  await agent.page.setViewport({ width: 1400, height: 1000 });
  await agent.signIn(opts.agentAccount);
  const number = await agent.startSession();

  const customer = await CustomerPage.open(opts.desktopBrowser, opts.serverUrl);
  await placeWindow(customer.page, { left: 0, top: 0, width: 640, height: 720 });
  await customer.join(number, 'Alice');
  await agent.waitForParticipant('Alice');
  await shareCustomerScreen(agent, customer, 'monitor');
  await waitForColour(agent.page, agentVideo(agent), 'magenta');

  await click(agent.page, agent.inSession('control-request'));
  await customer.answerConsent(true);
  await visible(customer.page, byTestId('helper-download'));
  const downloadPath = await attribute(customer.page, byTestId('helper-download'), 'href');
  if (!downloadPath) throw new Error('no helper download link on the customer page');
  const helper = await downloadAndRunHelper(opts.serverUrl, downloadPath, opts.xvfb.display);
  await waitFor('control active on the agent page', async () => (await controlStateOf(agent.page, true)) === 'active' || undefined);
  await waitFor('control active on the customer page', async () => (await controlStateOf(customer.page)) === 'active' || undefined);
  await waitFor('the helper to say who controls', () => /is controlling this computer/.test(helper.output()) || undefined);
  return { agent, customer, helper, number };
}
