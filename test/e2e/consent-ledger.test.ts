import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, visible } from './pages/page-helpers';
import { waitFor } from '../support/wait-for';

/** R2.2: "grant all" lets later requests through without a prompt; withdrawing stops the activity at once. */
describe('consent ledger', () => {
  const world = useE2eWorld();

  it('after "grant all", a second request proceeds without a prompt and the screen flows', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const fay = await world().customer(number, 'Fay');
    await alice.waitForParticipant('Fay');
    const sessionId = await world().sessionIdOf(number);

    await alice.requestView();
    await fay.answerConsent(true, true);
    await alice.framesDecodedAbove(5);
    await visible(fay.page, byTestId('grants-all-note'));
    await waitFor('the agent sees that Fay grants all', async () =>
      (await attribute(alice.page, `${alice.inSession('participant-item')}[data-role="customer"]`, 'data-grants-all')) === 'true' || undefined,
    );

    // Fay stops; the agent asks again: no prompt this time, the screen comes back by itself.
    await fay.page.click(`${byTestId('sharing-banner')} ${byTestId('stop-share')}`);
    await waitFor('no producer on the server', async () => (await world().producersOf(sessionId)).length === 0 || undefined);
    await waitFor('agent no longer viewing', async () => (await attribute(alice.page, alice.inSession('view-status'), 'data-state')) !== 'viewing' || undefined);
    await fay.watchForConsentPrompt();
    await alice.requestView();
    await alice.viewStatusIs('viewing');
    const again = await alice.framesDecodedAbove(0);
    await alice.framesDecodedAbove(again.framesDecoded + 10);
    expect(await attribute(alice.page, alice.inSession('view-status'), 'data-automatic')).toBe('true');
    expect(await fay.consentPromptSeen()).toBe(false);
    expect(await fay.isSharing()).toBe(true);
  });

  it('withdrawing permissions stops the screen share at once: the agent stops viewing, the server drops the producer', async () => {
    const { accounts } = world();
    const bob = await world().signedIn(accounts.bob);
    const number = await bob.startSession();
    const gil = await world().customer(number, 'Gil');
    await bob.waitForParticipant('Gil');
    const sessionId = await world().sessionIdOf(number);

    await bob.requestView();
    await gil.answerConsent(true);
    await bob.framesDecodedAbove(5);
    expect(await world().producersOf(sessionId)).toHaveLength(1);

    // Withdrawing asks first: cancelled, the share goes on.
    await gil.withdrawPermissions(false);
    expect(await gil.isSharing()).toBe(true);
    const before = (await bob.screenStats())?.framesDecoded ?? 0;
    await bob.framesDecodedAbove(before + 5);
    expect(await world().producersOf(sessionId)).toHaveLength(1);

    await gil.withdrawPermissions();
    await bob.viewStatusIs('revoked');
    await waitFor('no producer on the server', async () => (await world().producersOf(sessionId)).length === 0 || undefined);
    expect(await gil.isSharing()).toBe(false);
    expect(await bob.screenStats()).toBeNull();

    // A new request asks again.
    await bob.requestView();
    await gil.answerConsent(false);
    await bob.viewStatusIs('denied');
  });
});
