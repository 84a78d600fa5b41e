import { QUALITY_PRESETS } from '@rs/signaling';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { dataIs, shareCustomerScreen } from './media-helpers';
import { textAppears } from './pages/page-helpers';

interface SharedScreen {
  producerId: string;
  contentHint: string;
  surface: string | null;
  encodings: RTCRtpEncodingParameters[] | null;
}

describe('screen quality modes (R3.4)', () => {
  const world = useE2eWorld();

  it('the agent switches the mode; the customer page applies the preset to its sender at once', async () => {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    const number = await agent.startSession();
    const customer = await world().customer(number, 'Alice');
    await agent.waitForParticipant('Alice');
    await shareCustomerScreen(agent, customer);

    const screens = (): Promise<SharedScreen[]> => customer.debug<SharedScreen[]>('sharedScreens');
    const initial = await waitFor('sender encodings', async () => (await screens())[0]?.encodings ?? undefined);
    // Chromium's fake screen is 800x450: two simulcast layers (it would send nothing on a third, full-size one).
    expect(initial).toHaveLength(2);

    for (const mode of ['low-bandwidth', 'high-detail', 'balanced'] as const) {
      const preset = QUALITY_PRESETS[mode];
      await agent.page.select(agent.inSession('quality-mode'), mode);
      await dataIs(agent.page, `${agent.inSession('quality-mode')}`, 'data-testid', 'quality-mode');
      await textAppears(agent.page, agent.inSession('quality-params'), `${preset.maxBitrate / 1000} kbit/s`);
      const applied = await waitFor(`${mode} applied on the customer's sender`, async () => {
        const [screen] = await screens();
        const top = screen?.encodings?.reduce((best, each) => ((each.scaleResolutionDownBy ?? 1) < (best.scaleResolutionDownBy ?? 1) ? each : best));
        return screen && top && top.maxBitrate === preset.maxBitrate && top.maxFramerate === preset.maxFramerate && top.scaleResolutionDownBy === preset.scaleResolutionDownBy && screen.contentHint === preset.contentHint
          ? screen
          : undefined;
      });
      expect(applied.encodings).toHaveLength(2);
    }
  });
});
