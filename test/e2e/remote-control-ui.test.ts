import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, click, stateIs, visible } from './pages/page-helpers';
import { HelperPeer } from '../support/helper-peer';
import { waitFor } from '../support/wait-for';

type ButtonInput = { t: string; button: string; down: boolean; x: number; y: number };

/**
 * Remote control in the two web apps (R3.1, R3.7, R9): the agent asks, the
 * customer's prompt explains the helper and, once allowed, offers its download
 * and code; a helper paired with that code (here a socket.io peer speaking the
 * real protocol; the built helper on a real display is tested elsewhere) gets
 * the agent's click on the shared video at the right place; the customer's
 * Stop control cuts it off.
 */
describe('remote control in the browser', () => {
  const world = useE2eWorld();

  it('request, consent with the helper download, a click mapped to the frame, and Stop control', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const ann = await world().customer(number, 'Ann');
    await alice.waitForParticipant('Ann');
    await alice.requestView();
    await ann.answerConsent(true);
    await alice.framesDecodedAbove(5);

    await click(alice.page, alice.inSession('control-request'));
    await visible(ann.page, byTestId('consent-control-explain'));
    await ann.answerConsent(true);
    await stateIs(ann.page, byTestId('control-state'), 'pairing');
    await visible(ann.page, byTestId('helper-download'));
    const code = await waitFor('the pairing code on the page', async () => (await attribute(ann.page, byTestId('helper-code'), 'data-code')) ?? undefined);
    expect(code).toMatch(/^\d{9}$/);
    expect(await attribute(ann.page, byTestId('helper-download'), 'href')).toBe(`/helper/download/${code}`);
    await stateIs(alice.page, alice.inSession('control-state'), 'pairing');

    const helper = await HelperPeer.connect(world().server.url, { code });
    try {
      await helper.ready();
      await stateIs(alice.page, alice.inSession('control-state'), 'active');
      await stateIs(ann.page, byTestId('control-state'), 'active');
      expect(await attribute(alice.page, alice.inSession('control-surface'), 'data-control')).toBe('active');

      // Where 25% / 75% of the frame is drawn in the agent's (letterboxed) video.
      const target = await alice.page.$eval(alice.inSession('screen-video'), (el) => {
        const video = el as HTMLVideoElement;
        video.scrollIntoView({ block: 'center' });
        const box = video.getBoundingClientRect();
        const scale = Math.min(box.width / video.videoWidth, box.height / video.videoHeight);
        const width = video.videoWidth * scale;
        const height = video.videoHeight * scale;
        return { x: box.left + (box.width - width) / 2 + width * 0.25, y: box.top + (box.height - height) / 2 + height * 0.75 };
      });
      await alice.page.mouse.click(target.x, target.y);
      const buttons = await waitFor('the click at the helper', () => {
        const got = helper.received('input').filter((i) => (i as ButtonInput).t === 'button') as ButtonInput[];
        return got.length === 2 ? got : undefined;
      });
      expect(buttons.map((b) => [b.button, b.down])).toEqual([['left', true], ['left', false]]);
      for (const b of buttons) {
        expect(b.x).toBeCloseTo(0.25, 2);
        expect(b.y).toBeCloseTo(0.75, 2);
      }

      await click(ann.page, byTestId('control-stop'));
      await helper.waitForDisconnect();
      expect(helper.received('helper:end')).toEqual([{ reason: 'stopped' }]);
      await stateIs(alice.page, alice.inSession('control-state'), 'idle');
      expect(await attribute(alice.page, alice.inSession('control-surface'), 'data-control')).toBe('');
      const before = helper.received('input').length;
      await alice.page.mouse.click(target.x, target.y);
      expect(helper.received('input')).toHaveLength(before);
    } finally {
      helper.close();
    }
  });
});
