import { DEFAULT_QUALITY_MODE, QUALITY_PRESETS, type QualityMode } from '@rs/signaling';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { canvasScreen } from './fake-screen';
import { dataIs, shareCustomerScreen } from './media-helpers';
import type { AgentConsolePage } from './pages/agent-console-page';
import type { CustomerPage } from './pages/customer-page';
import { click } from './pages/page-helpers';

interface SharedScreen {
  contentHint: string;
  encodings: RTCRtpEncodingParameters[] | null;
}

interface SenderLayer {
  rid: string | null;
  frameWidth: number;
  frameHeight: number;
  bytesSent: number;
}

/**
 * A bound, not a target (time to full resolution is a benchmark figure): the
 * sender's and the SFU's bandwidth estimates ramp up first, slower on a loaded machine.
 */
const FULL_RESOLUTION_WITHIN_MS = 25_000;

/** Alice and Bob may hold two sessions each: each test names whose session it opens. */
async function sharedAt(who: 'alice' | 'bob', width: number, height: number): Promise<{ agent: AgentConsolePage; customer: CustomerPage; number: string }> {
  const { accounts } = world();
  const agent = await world().signedIn(accounts[who]);
  const number = await agent.startSession().catch(async (error: unknown) => {
    const refusal = await agent.page.$eval('[data-testid="start-error"]', (el) => `${el.getAttribute('data-state') ?? ''} ${el.textContent ?? ''}`).catch(() => 'none');
    throw new Error(`${String(error)} (start refusal: ${refusal})`);
  });
  const customer = await world().customer(number, 'Carol', { beforeLoad: canvasScreen(width, height) });
  await agent.waitForParticipant('Carol');
  await shareCustomerScreen(agent, customer);
  return { agent, customer, number };
}

function decodedSize(page: AgentConsolePage, what: string, accept: (w: number, h: number) => boolean, timeoutMs = FULL_RESOLUTION_WITHIN_MS) {
  return waitFor(what, async () => {
    const stats = await page.screenStats();
    if (stats && stats.framesDecoded > 0 && accept(stats.frameWidth, stats.frameHeight)) return stats;
    throw new Error(`decoding ${JSON.stringify(stats)}`);
  }, { timeoutMs });
}

/** The preset the sender's top layer runs (null when it matches none). */
function appliedMode(screen: SharedScreen | undefined): QualityMode | null {
  const top = screen?.encodings?.reduce((best, each) => ((each.scaleResolutionDownBy ?? 1) < (best.scaleResolutionDownBy ?? 1) ? each : best));
  if (!screen || !top) return null;
  const match = (Object.keys(QUALITY_PRESETS) as QualityMode[]).find((mode) => {
    const preset = QUALITY_PRESETS[mode];
    return top.maxBitrate === preset.maxBitrate && top.maxFramerate === preset.maxFramerate && (top.scaleResolutionDownBy ?? 1) === preset.scaleResolutionDownBy && screen.contentHint === preset.contentHint;
  });
  return match ?? null;
}

let world: ReturnType<typeof useE2eWorld>;

describe('the shared screen at the captured resolution (issue 11)', () => {
  world = useE2eWorld();

  for (const [width, height] of [[1280, 720], [1920, 1080]] as const) {
    it(`the agent in control decodes ${width}x${height} in high detail within a few seconds`, async () => {
      const { agent, customer } = await sharedAt('alice', width, height);
      if (DEFAULT_QUALITY_MODE !== 'high-detail') await agent.page.select(agent.inSession('quality-mode'), 'high-detail');
      await decodedSize(agent, `${width}x${height} decoded by the agent`, (w, h) => w === width && h === height).catch(async (error: unknown) => {
        throw new Error(`${String(error)}; sender layers ${JSON.stringify(await customer.debug('screenLayers'))}`);
      });
      // The sender's full-size layer is really encoded (it once sent 0 bytes while the lower ones ran).
      const layers = await customer.debug<SenderLayer[]>('screenLayers');
      const top = layers.reduce((best, each) => (each.frameWidth > best.frameWidth ? each : best));
      expect([top.frameWidth, top.frameHeight]).toEqual([width, height]);
      expect(layers.every((layer) => layer.bytesSent > 0)).toBe(true);
    });
  }

  it('the quality label names the preset the sender applies, before any change', async () => {
    const { agent, customer } = await sharedAt('bob', 1280, 720);
    const applied = await waitFor('a preset applied on the sender', async () => appliedMode((await customer.debug<SharedScreen[]>('sharedScreens'))[0]) ?? undefined);
    const shown = await agent.page.$eval(agent.inSession('quality-mode'), (select) => (select as HTMLSelectElement).value);
    expect(applied).toBe(DEFAULT_QUALITY_MODE);
    expect(shown).toBe(applied);
  });

  it('a supervisor watches on a lower layer and can ask for full quality', async () => {
    const { agent, number } = await sharedAt('bob', 1280, 720);
    await decodedSize(agent, 'the agent at full resolution', (w) => w === 1280);
    const sam = await world().signedIn(world().accounts.sam);
    await sam.watch(number);
    const low = await decodedSize(sam, 'the supervisor on a lower layer', (w) => w > 0);
    expect(low.frameWidth).toBeLessThan(1280);
    // The readout says it is a lighter copy by choice, not the network.
    await dataIs(sam.page, sam.inSession('picture-reason'), 'data-reason', 'viewer');
    await click(sam.page, sam.inSession('full-quality'));
    await decodedSize(sam, 'the supervisor at full resolution', (w, h) => w === 1280 && h === 720);
    await dataIs(sam.page, sam.inSession('picture-reason'), 'data-reason', 'full');
  });
});
