/**
 * Screen share figures per capture size and quality mode, through the SFU (the
 * shipped apps) and over a direct peer-to-peer baseline between the same two
 * pages, measured at the same time on the same canvas. Every figure gets one
 * stable key: screen.<mode>.<W>x<H>.<sfu|p2p>.<figure>, screen.<mode>.<W>x<H>.ratio.<figure>
 * (SFU / P2P) and screen.shareStart.<W>x<H>.sfu.<figure>.
 */
import type { Browser } from 'puppeteer-core';
import type { OutboundLayerStats as SenderLayer } from '@rs/web-common';
import { QUALITY_PRESETS, type QualityMode } from '@rs/signaling';
import { TestClient, login, type Credentials } from '../support/signaling-client';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import type { ScreenSize } from './bench-screen';
import { closeBenchSession, epochNow, openBenchSession, type BenchSession } from './bench-session';
import { P2pBaseline } from './p2p-baseline';
import { collectWindow, readWindow, streamFigures, type StreamFigures } from './screen-window';

export const SCREEN_SIZES: ScreenSize[] = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];
const MODES: QualityMode[] = ['high-detail', 'balanced', 'low-bandwidth'];
const MODE_KEY: Record<QualityMode, string> = { 'high-detail': 'highDetail', balanced: 'balanced', 'low-bandwidth': 'lowBandwidth' };

export interface MatrixOptions {
  /** Frames per stream and configuration (after settling). */
  frames: number;
  /** Longest window per configuration (low frame rates stop here). */
  maxMs: number;
  /** Excluded from the steady-state figures after a change (kept for time to full resolution). */
  settleMs: number;
}

export type Figures = Record<string, number | null>;

const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? Math.round((a / b) * 100) / 100 : null);

function put(figures: Figures, prefix: string, stream: StreamFigures): void {
  for (const [name, value] of Object.entries(stream)) figures[`${prefix}.${name}`] = value;
}

async function screenProducer(server: TestServer, session: BenchSession) {
  const sessionId = await server.app.services.store.findSessionIdByNumber(session.number);
  const room = sessionId ? await server.app.services.rooms.peek(sessionId) : undefined;
  const screen = room?.listProducers().find((p) => p.source === 'screen');
  if (!sessionId || !screen) throw new Error('the shared screen is gone');
  return { sessionId, producerId: screen.producerId };
}

/** From the customer's Allow click to the first frame at the captured resolution (null if not within maxMs). */
async function shareStart(session: BenchSession, maxMs: number, figures: Figures, prefix: string): Promise<void> {
  const { height } = session.spec;
  const deadline = Date.now() + maxMs;
  const read = await waitFor('a full-resolution frame or the end of the share-start window', async () => {
    const r = await readWindow(session.agent.page, 'sfu', session.allowClickedAt);
    return r.frames.some((f) => f[3] >= height * 0.98) || Date.now() >= deadline ? r : undefined;
  }, { timeoutMs: maxMs + 30_000, intervalMs: 250 });
  const full = read.frames.find((f) => f[3] >= height * 0.98);
  figures[`${prefix}.firstFrameHeight`] = read.frames[0]?.[3] ?? null;
  figures[`${prefix}.timeToFullResolutionMs`] = full ? Math.round(full[0] - session.allowClickedAt) : null;
}

async function measureSize(browser: Browser, server: TestServer, account: Credentials, size: ScreenSize, options: MatrixOptions, figures: Figures): Promise<void> {
  const sizeKey = `${size.width}x${size.height}`;
  const stage = (what: string) => process.stderr.write(`screen ${sizeKey}: ${what}\n`);
  const session = await openBenchSession(browser, server.url, account, size);
  stage('sharing');
  const agentPage = session.agent.page;
  await shareStart(session, options.maxMs, figures, `screen.shareStart.${sizeKey}.sfu`);
  // Loopback ICE candidates need media permission in both pages (see MACHINE.md).
  await agentPage.browserContext().overridePermissions(server.url, ['camera', 'microphone']);
  await session.customer.page.browserContext().overridePermissions(server.url, ['camera', 'microphone']);
  stage('connecting the peer-to-peer baseline');
  const p2p = await P2pBaseline.connect(session.customer.page, agentPage, MODES[0]!);
  const { sessionId, producerId } = await screenProducer(server, session);
  const agentSocket = await TestClient.connect(server.url, (await login(server.url, account)).token);
  try {
    await agentSocket.call('session:join', { sessionId });
    for (const mode of MODES) {
      const from = await epochNow(agentPage);
      await Promise.all([agentSocket.call('share:set-quality', { sessionId, producerId, mode }), p2p.apply(mode)]);
      const [sfuRead, p2pRead] = await collectWindow(agentPage, ['sfu', 'p2p'], from, options);
      const senderLayers = await session.customer.debug<SenderLayer[]>('screenLayers');
      const fullHeight = size.height / QUALITY_PRESETS[mode].scaleResolutionDownBy;
      const sfu = streamFigures(sfuRead!, from, options.settleMs, fullHeight);
      const direct = streamFigures(p2pRead!, from, options.settleMs, fullHeight);
      const prefix = `screen.${MODE_KEY[mode]}.${sizeKey}`;
      put(figures, `${prefix}.sfu`, sfu);
      put(figures, `${prefix}.p2p`, direct);
      figures[`${prefix}.ratio.g2gP50`] = ratio(sfu.g2gP50Ms, direct.g2gP50Ms);
      figures[`${prefix}.ratio.g2gP95`] = ratio(sfu.g2gP95Ms, direct.g2gP95Ms);
      figures[`${prefix}.ratio.receivedHeightP50`] = ratio(sfu.receivedHeightP50, direct.receivedHeightP50);
      figures[`${prefix}.sfuMinusP2p.psnrDb`] =
        sfu.psnrDbP50 !== null && direct.psnrDbP50 !== null ? Math.round((sfu.psnrDbP50 - direct.psnrDbP50) * 100) / 100 : null;
      // What the customer's encoder sent on each simulcast layer at the end of the window (why the SFU forwarded what it did).
      for (const layer of senderLayers) {
        figures[`${prefix}.sender.${layer.rid ?? 'single'}.height`] = layer.frameHeight;
        figures[`${prefix}.sender.${layer.rid ?? 'single'}.fps`] = layer.framesPerSecond;
      }
      process.stderr.write(`screen ${sizeKey} ${mode}: sfu ${JSON.stringify(sfu)} p2p ${JSON.stringify(direct)} sender ${JSON.stringify(senderLayers)}\n`);
    }
  } finally {
    agentSocket.close();
    await p2p.close();
  }
  await closeBenchSession(session);
}

/** Runs every capture size (one session each) and returns the flat figures. */
export async function measureScreenMatrix(browser: Browser, server: TestServer, account: Credentials, options: MatrixOptions): Promise<Figures> {
  const figures: Figures = {};
  for (const size of SCREEN_SIZES) await measureSize(browser, server, account, size, options, figures);
  return figures;
}

export const SCREEN_MATRIX_METHOD =
  'Per capture size, one session through the shipped apps: the customer\'s "screen" is a canvas (captureStream 60 fps) painting epoch ms as ' +
  'a cell grid in its top 40% and rows of 11 px monospace text and 1 px lines/checkerboard below, all changing with the timestamp. ' +
  'The agent page decodes each presented frame (requestVideoFrameCallback): g2g = presentation time - painted time (same clock); ' +
  'received size = the frame\'s size. Fidelity = PSNR (dB) of the luma (BT.601) over a text-and-lines region (up to 768x256 source px), ' +
  'the decoded frame scaled to source size vs the same source frame re-rendered in the agent page from its decoded timestamp ' +
  '(one sample per stream at most every 400 ms; a lower received resolution lowers PSNR). The mode is set through share:set-quality ' +
  '(applied by the customer page); at the same moment a direct RTCPeerConnection between the same two pages, carrying a clone of the ' +
  'same canvas track, VP8 only, one encoding with the mode\'s top-layer settings (bitrate cap, frame rate, scale, contentHint, ' +
  'degradation preference), is reconfigured; both streams run at once and are measured over the same window. Steady-state figures skip ' +
  'the first settleMs after the change; timeToFullResolutionMs counts from the change to the first frame at the mode\'s full resolution ' +
  '(captured size / the mode\'s scale). shareStart counts from the customer\'s Allow click to the first frame at the captured size.';
