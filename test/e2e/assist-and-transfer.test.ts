import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, isShown, textAppears, texts, visible } from './pages/page-helpers';
import { waitFor } from '../support/wait-for';

/** R1.3 assistants and R1.4 transfer of control, in real Chromium against the real server. */
describe('assistant agents and transfer of control', () => {
  const world = useE2eWorld();

  it('an agent joins by number as assistant: sees the shared screen and the chat, has no control', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const cid = await world().customer(number, 'Cid');
    await alice.waitForParticipant('Cid');

    const bob = await world().signedIn(accounts.bob);
    await bob.assist(number);
    await bob.controlIs('observer');
    await alice.waitForParticipant('Bob Agent');
    expect(await attribute(alice.page, `${alice.inSession('participant-item')}[data-role="assistant"]`, 'data-participant-id')).toBe(await alice.participantId('Bob Agent'));
    expect(await attribute(bob.page, '[data-testid="session-tab"][aria-selected="true"]', 'data-role')).toBe('assistant');

    await alice.requestView();
    await cid.answerConsent(true);
    const first = await bob.framesDecodedAbove(0);
    await bob.framesDecodedAbove(first.framesDecoded + 10);
    await bob.viewStatusIs('viewing');

    await cid.sendChat('Hello both of you');
    await textAppears(bob.page, bob.inSession('chat-message-text'), 'Hello both of you');
    await alice.sendChat('Bob is assisting me today.');
    await textAppears(bob.page, bob.inSession('chat-message-text'), 'Bob is assisting me today.');

    // No control: the controls are disabled, with the reason; stop and transfer are not offered.
    await bob.requestViewEnabledIs(false);
    await bob.endEnabledIs(false);
    expect(await attribute(bob.page, bob.inSession('end-session'), 'title')).toContain('Only the agent in control');
    expect(await isShown(bob.page, `${bob.inSession('screen-panel')} ${byTestId('stop-share')}`)).toBe(false);
    expect(await isShown(bob.page, bob.inSession('participant-select'))).toBe(false);
    expect(await isShown(bob.page, bob.inSession('transfer-control'))).toBe(false);

    // The assistant leaves; the session goes on.
    await bob.page.click(bob.inSession('leave-session'));
    await waitFor('Bob gone from Alice’s list', async () => !(await texts(alice.page, alice.inSession('participant-name'))).includes('Bob Agent') || undefined);
    await waitFor('the tab closed on Bob’s console', async () => (await bob.tabNumbers()).length === 0 || undefined);
    await alice.framesDecodedAbove(first.framesDecoded);
  });

  it('control goes to the assistant (sharing stops) and back; only the agent in control can end; the notes are reviewed after ending', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const dee = await world().customer(number, 'Dee');
    const sessionId = await world().sessionIdOf(number);
    await alice.waitForParticipant('Dee');
    // The assistant arrives through the link Alice copies (R1.3).
    const link = await alice.page.$eval(alice.inSession('assist-link'), (input) => (input as HTMLInputElement).value);
    expect(link).toBe(`${world().server.url}/console/#assist=${number}`);
    const bob = await world().signedIn(accounts.bob, `#assist=${number}`);
    await bob.waitForSessionInFront(number);
    await bob.controlIs('observer');

    await alice.typeNotes('Printer driver reinstalled.');
    await alice.requestView();
    await dee.answerConsent(true);
    await alice.framesDecodedAbove(5);

    await alice.transferControlTo('Bob Agent');
    await bob.controlIs('in-control');
    await waitFor('sharing stopped on transfer', async () => (await world().producersOf(sessionId)).length === 0 || undefined);
    await waitFor('Dee no longer sharing', async () => !(await dee.isSharing()) || undefined);
    await alice.endEnabledIs(false);
    await alice.requestViewEnabledIs(false);
    await bob.endEnabledIs(true);
    await textAppears(dee.page, byTestId('agent-name'), 'Bob Agent');

    await bob.requestView();
    await dee.answerConsent(true);
    await bob.framesDecodedAbove(5);
    await alice.framesDecodedAbove(5);
    // The notes are shared by the staff of the session.
    await waitFor('the notes on the new controller’s page', () =>
      bob.page.$eval(bob.inSession('notes-input'), (e) => (e as HTMLTextAreaElement).value === 'Printer driver reinstalled.' || undefined),
    );

    await bob.transferControlTo('Alice Agent');
    await alice.controlIs('in-control');
    await alice.endEnabledIs(true);
    await bob.endEnabledIs(false);

    await alice.endSession();
    await visible(dee.page, byTestId('session-ended'));
    await textAppears(alice.page, alice.inSession('notes-final'), 'Printer driver reinstalled.');
    await visible(bob.page, bob.inSession('session-ended'));

    await alice.page.click(alice.inSession('view-record'));
    await visible(alice.page, alice.inSession('session-record'));
    const roles = await alice.page.$$eval(`${alice.inSession('record-participant')}`, (rows) => rows.map((row) => row.getAttribute('data-role')));
    expect(roles).toEqual(expect.arrayContaining(['agent', 'assistant', 'customer']));
    expect(await texts(alice.page, alice.inSession('record-consent'))).toHaveLength(2);
    await textAppears(alice.page, alice.inSession('record-notes'), 'Printer driver reinstalled.');
    // R10.5: who ended, how long, and a timeline naming who did what (both transfers, the shares).
    await textAppears(alice.page, alice.inSession('record-ended-by'), 'Alice Agent');
    expect((await texts(alice.page, alice.inSession('record-duration')))[0]).toMatch(/^\d+:\d\d/);
    const events = await texts(alice.page, `${alice.inSession('record-event')}[data-action="control:transferred"]`);
    expect(events).toEqual([expect.stringContaining('Alice Agent gave control to Bob Agent'), expect.stringContaining('Bob Agent gave control to Alice Agent')]);
    expect(await texts(alice.page, `${alice.inSession('record-event')}[data-action="share:started"]`)).toHaveLength(2);
    await visible(alice.page, alice.inSession('record-print'));
  });
});
