import type { Page } from 'puppeteer-core';
import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, click, stateIs, visible } from './pages/page-helpers';
import { HelperPeer } from '../support/helper-peer';
import { waitFor } from '../support/wait-for';

type ButtonInput = { t: string; button: string; down: boolean; x: number; y: number };

/** Where the fractions (fx, fy) of the frame are drawn in a letterboxed <video>, scrolled into view. */
async function framePointOnPage(page: Page, selector: string, fx: number, fy: number): Promise<{ x: number; y: number }> {
  return page.$eval(
    selector,
    (el, fx, fy) => {
      const video = el as HTMLVideoElement;
      video.scrollIntoView({ block: 'center' });
      const box = video.getBoundingClientRect();
      const scale = Math.min(box.width / video.videoWidth, box.height / video.videoHeight);
      const width = video.videoWidth * scale;
      const height = video.videoHeight * scale;
      return { x: box.left + (box.width - width) / 2 + width * fx, y: box.top + (box.height - height) / 2 + height * fy };
    },
    fx,
    fy,
  );
}

/** The two button events of one click, as the helper received them. */
function clickAt(helper: HelperPeer): Promise<ButtonInput[]> {
  return waitFor('the click at the helper', () => {
    const got = helper.received('input').filter((i) => (i as ButtonInput).t === 'button') as ButtonInput[];
    return got.length === 2 ? got : undefined;
  });
}

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
      const target = await framePointOnPage(alice.page, alice.inSession('screen-video'), 0.25, 0.75);
      await alice.page.mouse.click(target.x, target.y);
      const buttons = await clickAt(helper);
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

  it('reverse control: the agent lets the customer drive their screen; the customer’s click reaches the agent’s helper', async () => {
    const { accounts } = world();
    const bob = await world().signedIn(accounts.bob);
    const number = await bob.startSession();
    const cy = await world().customer(number, 'Cy');
    await bob.waitForParticipant('Cy');
    await click(bob.page, bob.inSession('show-my-screen'));
    await visible(cy.page, byTestId('agent-screen-panel'));
    await click(bob.page, bob.inSession('control-give'));
    await stateIs(bob.page, bob.inSession('control-state'), 'pairing');
    const code = await waitFor('the pairing code on the agent page', async () => (await attribute(bob.page, bob.inSession('helper-code'), 'data-code')) ?? undefined);
    const helper = await HelperPeer.connect(world().server.url, { code });
    try {
      await helper.ready();
      await stateIs(cy.page, byTestId('control-state'), 'active');
      await waitFor('agent screen frames on the customer page', async () => {
        const stats = await cy.debug<{ framesDecoded: number } | null>('agentScreenStats');
        return stats && stats.framesDecoded > 5 ? stats : undefined;
      });
      const target = await framePointOnPage(cy.page, byTestId('agent-screen-video'), 0.6, 0.4);
      await cy.page.mouse.click(target.x, target.y);
      const buttons = await clickAt(helper);
      expect(buttons[0]?.x).toBeCloseTo(0.6, 2);
      expect(buttons[0]?.y).toBeCloseTo(0.4, 2);
      await click(bob.page, bob.inSession('control-stop'));
      await helper.waitForDisconnect();
    } finally {
      helper.close();
    }
  });
});
