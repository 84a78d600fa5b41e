import type { Browser, Page } from 'puppeteer-core';
import { QUALITY_PRESETS } from '@rs/signaling';
import type { InboundMediaSummary, OutboundLayerStats as SenderLayer } from '@rs/web-common';
import { seedAccounts } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import { launchFirefox } from '../support/firefox';
import { startPulseSink, type PulseSink } from '../support/pulse-sink';
import { startTestServer, TEST_ADMIN, type TestServer } from '../support/test-server';
import { createVethNamespace, namespaceUnavailable, type VethNamespace } from '../support/veth-namespace';
import { waitFor } from '../support/wait-for';
import { agentStartsCall, customerJoinsCall, dataIs, shareCustomerScreen } from './media-helpers';
import { AgentConsolePage } from './pages/agent-console-page';
import { CustomerPage } from './pages/customer-page';
import { byTestId, click, textAppears, visible } from './pages/page-helpers';

/**
 * Headless Firefox cannot capture a screen: after the app's own getDisplayMedia
 * call fails, a 1280x720 canvas stream stands in (the app's call path is the
 * shipped one). The page's audio context is held suspended, as an autoplay
 * policy or a missing output device leaves it: the microphone must still be heard.
 */
async function firefoxCustomerPreload(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const devices = navigator.mediaDevices;
    const original = devices.getDisplayMedia?.bind(devices);
    devices.getDisplayMedia = async (options?: DisplayMediaStreamOptions): Promise<MediaStream> => {
      try {
        if (original) return await original(options);
      } catch { /* headless Firefox: NotFoundError */ }
      const canvas = document.createElement('canvas');
      canvas.width = 1280;
      canvas.height = 720;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      let frame = 0;
      window.setInterval(() => {
        frame += 1;
        context.fillStyle = '#fff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.fillStyle = '#000';
        context.font = '14px monospace';
        for (let y = 20; y < canvas.height; y += 20) context.fillText(`line ${y} frame ${frame}`, (frame * 4) % 200, y);
      }, 33);
      return canvas.captureStream(30);
    };
    const Native = window.AudioContext;
    window.AudioContext = class extends Native {
      constructor(options?: AudioContextOptions) {
        super(options);
        void super.suspend();
      }
      override resume(): Promise<void> {
        return Promise.resolve();
      }
    };
  });
}

const inbound = (page: Page): Promise<InboundMediaSummary[]> =>
  page.evaluate(() => (window as unknown as { remoteSupportDebug: { inboundMedia(): Promise<InboundMediaSummary[]> } }).remoteSupportDebug.inboundMedia());

/** Audio energy (level² × seconds) a second of audible sound adds: silence and comfort noise add ~1e-9. */
const AUDIBLE_ENERGY_PER_SECOND = 1e-4;

/**
 * Waits until some inbound stream of a kind, over one second, receives packets
 * and gains at least `minGain` of what `measure` reads (frames, audio energy).
 */
async function growing(page: Page, what: string, kind: 'audio' | 'video', measure: (s: InboundMediaSummary) => number, minGain: number, exclude: string[] = []): Promise<{ stream: InboundMediaSummary; gain: number }> {
  const streams = async (): Promise<InboundMediaSummary[]> => (await inbound(page)).filter((s) => s.kind === kind && !exclude.includes(s.producerId));
  let last: number[] = [];
  return waitFor(what, async () => {
    const before = await streams();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await streams();
    const gains = after.map((s) => {
      const old = before.find((b) => b.producerId === s.producerId);
      return { stream: s, gain: old && s.packetsReceived > old.packetsReceived ? measure(s) - measure(old) : 0 };
    });
    last = gains.map((g) => g.gain);
    return gains.find((g) => g.gain >= minGain) ?? (last.length ? false : undefined);
  }, { timeoutMs: 30_000 }).catch((error: unknown) => {
    throw new Error(`${String(error)}; gains seen per second: ${JSON.stringify(last)}`);
  });
}

/** Each layer's sending rate (kbit/s) over `ms`, read from Firefox's own outbound-rtp stats. */
async function layerRates(customer: CustomerPage, ms: number): Promise<{ layer: SenderLayer; kbps: number }[]> {
  const before = await customer.debug<SenderLayer[]>('screenLayers');
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await customer.debug<SenderLayer[]>('screenLayers');
  return after.map((layer) => {
    const old = before.find((b) => b.rid === layer.rid);
    return { layer, kbps: Math.round((((layer.bytesSent - (old?.bytesSent ?? 0)) * 8) / ms)) };
  });
}

/**
 * Firefox has no contentHint, and its screen simulcast misplaces the layers'
 * caps: a Firefox customer sends one full-size layer under the mode's preset.
 * The agent decodes the captured size at a moving frame rate (the full-size
 * layer once ran at 1-2 fps), within the preset's cap.
 */
async function firefoxEncoderHolds(agent: AgentConsolePage, customer: CustomerPage): Promise<void> {
  const [shared] = await customer.debug<{ encodings: RTCRtpEncodingParameters[] | null }[]>('sharedScreens');
  process.stderr.write(`firefox sender encodings: ${JSON.stringify(shared?.encodings)}\n`);
  expect(shared?.encodings).toHaveLength(1);
  expect(shared?.encodings?.[0]).toMatchObject({ scaleResolutionDownBy: 1, maxBitrate: QUALITY_PRESETS['high-detail'].maxBitrate });
  const full = await waitFor('1280x720 decoded by the agent from Firefox', async () => {
    const stats = await agent.screenStats();
    return stats && stats.frameWidth === 1280 && stats.frameHeight === 720 ? stats : undefined;
  }, { timeoutMs: 30_000 }).catch(async (error: unknown) => {
    throw new Error(`${String(error)}; agent ${JSON.stringify(await agent.screenStats())}; firefox layers ${JSON.stringify(await layerRates(customer, 2000))}`);
  });
  const rates = await layerRates(customer, 4000);
  const decoded = ((await agent.screenStats())?.framesDecoded ?? 0) - full.framesDecoded;
  process.stderr.write(`firefox layers (kbit/s): ${JSON.stringify(rates)}; agent decoded ${decoded} frames in ~4 s\n`);
  expect(rates.map((each) => each.layer.frameWidth)).toEqual([1280]);
  expect(rates[0]?.kbps).toBeLessThanOrEqual((QUALITY_PRESETS['high-detail'].maxBitrate / 1000) * 1.25);
  // A moving picture, not a slide show (the canvas draws 30 fps).
  expect(decoded).toBeGreaterThanOrEqual(30);
  // The console's readout tells the truth for a Firefox sender too.
  await dataIs(agent.page, agent.inSession('picture-reason'), 'data-reason', 'full');

  // Low bandwidth holds on Firefox's encoder without contentHint: full size, 5 fps, within its cap.
  await agent.page.select(agent.inSession('quality-mode'), 'low-bandwidth');
  const preset = QUALITY_PRESETS['low-bandwidth'];
  await waitFor('low bandwidth applied in Firefox', async () => {
    const [screen] = await customer.debug<{ encodings: RTCRtpEncodingParameters[] | null }[]>('sharedScreens');
    const [one] = screen?.encodings ?? [];
    return one?.maxFramerate === preset.maxFramerate && one.maxBitrate === preset.maxBitrate ? true : undefined;
  });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const thrifty = await layerRates(customer, 4000);
  process.stderr.write(`firefox layers in low bandwidth (kbit/s): ${JSON.stringify(thrifty)}\n`);
  const [one] = thrifty;
  expect(one?.layer.frameWidth).toBe(1280);
  expect(one?.layer.framesPerSecond).toBeLessThanOrEqual(preset.maxFramerate * 1.5);
  expect(one?.kbps).toBeLessThanOrEqual((preset.maxBitrate / 1000) * 1.25);
  await agent.page.select(agent.inSession('quality-mode'), 'high-detail');
}

const skip = namespaceUnavailable();
if (skip) process.stderr.write(`firefox-customer e2e skipped: ${skip}\n`);
const describeIfRoot = skip ? describe.skip : describe;

describeIfRoot('a Firefox ESR customer with a Chromium agent (media server on a veth address)', () => {
  let veth: VethNamespace | null = null;
  let pulse: PulseSink | null = null;
  let server: TestServer | null = null;
  let chromium: Browser | null = null;
  let firefox: Browser | null = null;
  let accounts: Awaited<ReturnType<typeof seedAccounts>> | null = null;

  beforeAll(async () => {
    veth = createVethNamespace();
    pulse = startPulseSink();
    server = await startTestServer({ media: { listenIp: veth.address } } as never);
    chromium = await launchBrowser();
    firefox = await launchFirefox(pulse.env);
    // Once per server: a retried test finds the accounts there.
    accounts = await seedAccounts(server.url, TEST_ADMIN);
  });
  afterAll(async () => {
    await firefox?.close().catch(() => undefined);
    await chromium?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    pulse?.stop();
    veth?.remove();
  });

  it('joins, shares its screen, talks both ways, sends and receives video, chats', async () => {
    if (!server || !chromium || !firefox || !accounts) throw new Error('beforeAll failed');
    const agent = await AgentConsolePage.open(chromium, server.url);
    await agent.page.setViewport({ width: 1400, height: 1000 });
    await agent.signIn(accounts.alice);
    const number = await agent.startSession();
    const customer = await CustomerPage.open(firefox, server.url, { beforeLoad: firefoxCustomerPreload });
    await customer.join(number, 'Fiona');
    await visible(customer.page, `${byTestId('agent-name')}[data-i18n="customer.agentIs"]`);
    await agent.waitForParticipant('Fiona');
    const fionaId = await agent.participantId('Fiona');

    // Chat both ways.
    await agent.sendChat('Hello Fiona');
    await textAppears(customer.page, byTestId('chat-message-text'), 'Hello Fiona');
    await customer.sendChat('Hi from Firefox');
    await textAppears(agent.page, agent.inSession('chat-message-text'), 'Hi from Firefox');

    // Screen: frames decoded at the agent.
    await shareCustomerScreen(agent, customer);
    const screen = await agent.framesDecodedAbove(10);
    expect(screen.frameWidth).toBeGreaterThan(0);
    await firefoxEncoderHolds(agent, customer);
    const screenProducers = (await inbound(agent.page)).filter((s) => s.kind === 'video').map((s) => s.producerId);

    // Voice both ways, with energy above silence (the customer's context stays suspended).
    await agentStartsCall(agent);
    await customerJoinsCall(customer);
    const memberRow = `${agent.inSession('voice-member')}[data-participant-id="${fionaId}"]`;
    if ((await customer.page.$(`[data-testid="voice-member"][data-participant-id="${fionaId}"][data-floor="true"]`)) === null) {
      await click(agent.page, `${memberRow} [data-testid="voice-pass-mic"]`);
      await dataIs(agent.page, memberRow, 'data-floor', 'true');
    }
    const energy = (s: InboundMediaSummary): number => s.totalAudioEnergy;
    const heardAtAgent = await growing(agent.page, 'the Firefox customer heard at the agent', 'audio', energy, AUDIBLE_ENERGY_PER_SECOND);
    const heardAtCustomer = await growing(customer.page, 'the agent heard in Firefox', 'audio', energy, AUDIBLE_ENERGY_PER_SECOND);
    process.stderr.write(`audio energy per second: at the agent ${heardAtAgent.gain}, in Firefox ${heardAtCustomer.gain}\n`);

    // Video both ways.
    await click(agent.page, agent.inSession('video-start'));
    await dataIs(agent.page, agent.inSession('video-panel'), 'data-sending', 'true');
    await click(customer.page, byTestId('video-start'));
    await dataIs(customer.page, byTestId('video-panel'), 'data-sending', 'true');
    const frames = (s: InboundMediaSummary): number => s.framesDecoded;
    const cameraAtAgent = await growing(agent.page, 'the Firefox camera decoded at the agent', 'video', frames, 1, screenProducers);
    expect(cameraAtAgent.stream.frameWidth).toBeGreaterThan(0);
    const cameraInFirefox = await growing(customer.page, 'the agent camera decoded in Firefox', 'video', frames, 1);
    expect(cameraInFirefox.stream.frameWidth).toBeGreaterThan(0);

    await customer.close();
    await agent.close();
  });
});
