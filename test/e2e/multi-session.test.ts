import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, isShown, stateIs, textAppears, texts, visible } from './pages/page-helpers';
import { waitFor } from '../support/wait-for';

/** R1.2 in real Chromium: several sessions in tabs up to the admin's maximum, and several customers in one session. */
describe('multi-session console and several customers', () => {
  const world = useE2eWorld();

  it('an agent runs two sessions in tabs, each with its own customer; a third start is refused with the maximum shown', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const first = await alice.startSession();
    const ann = await world().customer(first, 'Ann');
    await alice.waitForParticipant('Ann');
    const second = await alice.startSession();
    const ben = await world().customer(second, 'Ben');
    await alice.waitForParticipant('Ben');

    expect(await alice.tabNumbers()).toEqual([first, second]);
    await textAppears(alice.page, `[data-testid="session-tab"][data-number="${first}"] ${byTestId('tab-customer')}`, 'Ann');
    await textAppears(alice.page, `[data-testid="session-tab"][data-number="${second}"] ${byTestId('tab-customer')}`, 'Ben');
    expect(await texts(alice.page, alice.inSession('participant-name'))).not.toContain('Ann');

    // Ben's screen in the second tab; the debug probe reports the tab in front only.
    await alice.requestView();
    await ben.answerConsent(true);
    const flowing = await alice.framesDecodedAbove(0);
    await alice.showSession(first);
    expect(await texts(alice.page, alice.inSession('participant-name'))).toContain('Ann');
    expect(await texts(alice.page, alice.inSession('participant-name'))).not.toContain('Ben');
    await waitFor('no screen in the first tab', async () => (await alice.screenStats()) === null);
    await alice.showSession(second);
    await alice.framesDecodedAbove(flowing.framesDecoded + 10);

    // The maximum (2, set by the admin) refuses a third session, and says so.
    const message = await alice.startSessionRefused('session-limit');
    expect(message).toContain('2');
    expect(await alice.tabNumbers()).toEqual([first, second]);
    expect(await ann.isSharing()).toBe(false);
  });

  it('two customers in one session: the first is told, the agent switches customer and the sharing in progress stops', async () => {
    const { accounts } = world();
    const bob = await world().signedIn(accounts.bob);
    const number = await bob.startSession();
    const cara = await world().customer(number, 'Cara');
    await bob.waitForParticipant('Cara');
    const sessionId = await world().sessionIdOf(number);

    await bob.requestView();
    await cara.answerConsent(true);
    await bob.framesDecodedAbove(5);

    const dan = await world().customer(number, 'Dan');
    await bob.answerAdmission('Dan');
    await bob.waitForParticipant('Dan');
    // R1.2: when another customer joins, the first is told.
    await textAppears(cara.page, byTestId('toast'), 'Dan');
    expect(await texts(cara.page, byTestId('participant-name'))).toEqual(expect.arrayContaining(['Cara', 'Dan']));
    // Cara is still the one being helped and still sharing.
    expect(await attribute(bob.page, `${bob.inSession('participant-item')}[data-participant-id="${await bob.participantId('Cara')}"]`, 'data-selected')).toBe('true');
    expect(await cara.isSharing()).toBe(true);

    await bob.selectCustomer('Dan');
    await waitFor('Cara no longer sharing', async () => !(await cara.isSharing()) || undefined);
    await waitFor('no producer on the server', async () => (await world().producersOf(sessionId)).length === 0 || undefined);
    await waitFor('the agent no longer views', async () => (await attribute(bob.page, bob.inSession('view-status'), 'data-state')) !== 'viewing' || undefined);
    await stateIs(cara.page, byTestId('helping-other'), 'waiting');
    expect(await isShown(dan.page, byTestId('helping-other'))).toBe(false);
    await textAppears(bob.page, `[data-testid="session-tab"][data-number="${number}"] ${byTestId('tab-customer')}`, 'Dan');

    // Now Dan is asked, and his screen reaches the agent.
    await bob.requestView();
    await dan.answerConsent(true);
    await bob.framesDecodedAbove(5);
    await visible(dan.page, byTestId('sharing-banner'));
    expect(await isShown(cara.page, byTestId('consent-prompt'))).toBe(false);
  });

  it('a second customer with the same number waits until the agent admits them; a declined one is told', async () => {
    const { accounts } = world();
    const bob = await world().signedIn(accounts.bob);
    const number = await bob.startSession();
    const cara = await world().customer(number, 'Cara');
    await bob.waitForParticipant('Cara');

    const dan = await world().customer(number, 'Dan');
    await visible(dan.page, byTestId('admission-wait'));
    await bob.sendChat('Cara, your code is 4711');
    await textAppears(cara.page, byTestId('chat-message'), 'Cara, your code is 4711');
    // Dan sees nothing of the session before admission: no participants, no chat.
    expect(await isShown(dan.page, byTestId('participants-panel'))).toBe(false);
    expect(await texts(dan.page, byTestId('participant-name'))).not.toContain('Cara');
    expect(await texts(dan.page, byTestId('chat-message'))).toEqual([]);
    // Cara is not told about someone at the door; the agent is, with Admit / Decline.
    expect(await texts(cara.page, byTestId('participant-name'))).not.toContain('Dan');

    await bob.answerAdmission('Dan');
    await bob.waitForParticipant('Dan');
    // Focus does not fall to <body> once the answered request is gone: it moves to the participants.
    expect(await bob.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('participants-panel');
    await waitFor('Dan admitted', async () => !(await isShown(dan.page, byTestId('admission-wait'))) || undefined);
    await textAppears(dan.page, byTestId('participant-name'), 'Cara');
    await textAppears(cara.page, byTestId('participant-name'), 'Dan');
    expect(await texts(dan.page, byTestId('chat-message'))).toEqual([]);
    await bob.sendChat('Welcome Dan');
    await textAppears(dan.page, byTestId('chat-message'), 'Welcome Dan');

    const eve = await world().customer(number, 'Eve');
    await visible(eve.page, byTestId('admission-wait'));
    await bob.answerAdmission('Eve', false);
    await waitFor('Eve told she was declined', async () => (await attribute(eve.page, byTestId('session-ended'), 'data-reason')) === 'declined' || undefined);
    expect(await texts(bob.page, bob.inSession('participant-name'))).not.toContain('Eve');
  });
});
