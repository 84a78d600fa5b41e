import type { Page } from 'puppeteer-core';
import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, click, isShown, visible } from './pages/page-helpers';
import { waitFor } from '../support/wait-for';

/** A browser that cannot share, a request the agent withdraws, a customer back from a new tab, a ghost removed. */
describe('no stuck or ghost states', () => {
  const world = useE2eWorld();

  const customerRows = (page: Page) =>
    page.$$eval('[data-testid="session-view"]:not([hidden]) [data-testid="participant-item"][data-role="customer"]', (rows) =>
      rows.map((row) => ({ id: row.getAttribute('data-participant-id'), connected: row.getAttribute('data-connected') })),
    );

  it('a customer browser without getDisplayMedia: the customer is told why and the agent gets "not supported"', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const errors: string[] = [];
    const phone = await world().customer(number, 'Pat', {
      beforeLoad: async (page) => {
        page.on('pageerror', (err) => errors.push(String(err)));
        await page.evaluateOnNewDocument(() => {
          delete (MediaDevices.prototype as Partial<MediaDevices>).getDisplayMedia;
        });
      },
    });
    expect(await phone.page.evaluate(() => typeof navigator.mediaDevices.getDisplayMedia)).toBe('undefined');
    await alice.waitForParticipant('Pat');

    await alice.requestView();
    await alice.viewStatusIs('unsupported');
    await visible(phone.page, byTestId('consent-unsupported'));
    expect(await isShown(phone.page, byTestId('consent-allow'))).toBe(false);
    await click(phone.page, byTestId('consent-unsupported-ok'));
    await waitFor('the explanation closed', async () => !(await isShown(phone.page, byTestId('consent-unsupported'))) || undefined);
    expect(errors).toEqual([]);
    // Nothing is left waiting: the agent may ask again.
    await alice.requestViewEnabledIs(true);
  });

  it('the agent cancels a pending request: the customer\'s prompt disappears', async () => {
    const { accounts } = world();
    const bob = await world().signedIn(accounts.bob);
    const number = await bob.startSession();
    const cy = await world().customer(number, 'Cy');
    await bob.waitForParticipant('Cy');

    await bob.requestView();
    await visible(cy.page, byTestId('consent-prompt'));
    await bob.viewStatusIs('pending');
    await click(bob.page, bob.inSession('cancel-view-request'));
    await bob.viewStatusIs('cancelled');
    await waitFor('the customer\'s prompt gone', async () => !(await isShown(cy.page, byTestId('consent-prompt'))) || undefined);
    expect(await isShown(bob.page, bob.inSession('cancel-view-request'))).toBe(false);
    await bob.requestViewEnabledIs(true);
  });

  it('a customer who closes the tab and rejoins from a new tab leaves one entry; a ghost can be removed', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const rita = await world().customer(number, 'Rita');
    const ritaId = await alice.participantId('Rita');

    await rita.closeTab();
    await waitFor('Rita shown disconnected', async () => (await customerRows(alice.page)).some((r) => r.id === ritaId && r.connected === 'false') || undefined);
    await world().customerTab(rita, number, 'Rita');
    await waitFor('one entry for Rita, connected', async () => {
      const rows = await customerRows(alice.page);
      return (rows.length === 1 && rows[0]?.id === ritaId && rows[0].connected === 'true') || undefined;
    });

    // Another customer's closed tab leaves a ghost: the agent removes it.
    const gus = await world().customer(number, 'Gus');
    // A second customer waits until the agent in control admits them (issue 12).
    await alice.answerAdmission('Gus');
    const gusId = await alice.participantId('Gus');
    await gus.closeTab();
    const gusRow = `[data-testid="session-view"]:not([hidden]) [data-participant-id="${gusId}"]`;
    await waitFor('Gus shown disconnected', async () => (await attribute(alice.page, gusRow, 'data-connected')) === 'false' || undefined);
    await click(alice.page, `${gusRow} ${byTestId('remove-participant')}`);
    await waitFor('Gus removed from the list', async () => (await customerRows(alice.page)).every((r) => r.id !== gusId) || undefined);
    expect((await customerRows(alice.page)).map((r) => r.id)).toEqual([ritaId]);
  });
});
