import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, isShown, pageText, textAppears, texts, visible } from './pages/page-helpers';
import { waitFor } from '../support/wait-for';

/** A supervisor watches a live session of an agent, whispers to the agent only, and takes over. */
describe('supervisor', () => {
  const world = useE2eWorld();

  it('sees the live session, watches it silently, whispers to the agent only, takes over and ends it', async () => {
    const { accounts } = world();
    const alice = await world().signedIn(accounts.alice);
    const number = await alice.startSession();
    const eve = await world().customer(number, 'Eve');
    await alice.waitForParticipant('Eve');

    const sam = await world().signedIn(accounts.sam);
    const row = `[data-testid="live-session"][data-number="${number}"]`;
    await visible(sam.page, row);
    await textAppears(sam.page, `${row} ${byTestId('live-session-agent')}`, 'Alice Agent');
    await textAppears(sam.page, `${row} ${byTestId('live-session-customers')}`, 'Eve');

    await sam.watch(number);
    await sam.controlIs('watching');
    await visible(sam.page, sam.inSession('take-over'));
    await sam.endEnabledIs(false);
    await alice.waitForParticipant('Sam Supervisor');
    // Silent: the customer does not see the supervisor (site default).
    expect(await texts(eve.page, byTestId('participant-name'))).not.toContain('Sam Supervisor');

    await alice.requestView();
    await eve.answerConsent(true);
    const first = await sam.framesDecodedAbove(0);
    await sam.framesDecodedAbove(first.framesDecoded + 10);
    await waitFor('the list shows the screen share', async () => ((await attribute(sam.page, row, 'data-active')) ?? '').includes('screen') || undefined);
    await alice.sendChat('Eve, I can see your screen now.');
    await textAppears(sam.page, sam.inSession('chat-message-text'), 'Eve, I can see your screen now.');

    // A whisper: the supervisor can only write to agents; the agent sees it, the customer never receives it.
    const recipients = await sam.page.$$eval(`${sam.inSession('chat-recipient')} option`, (options) => options.map((o) => o.value));
    expect(recipients).toEqual([await sam.participantId('Alice Agent')]);
    const whisper = 'Offer her the extended warranty';
    await sam.whisper(whisper, 'Alice Agent');
    await textAppears(alice.page, alice.inSession('chat-message-text'), whisper);
    expect(await attribute(alice.page, `${alice.inSession('chat-message')}[data-whisper="true"]`, 'data-from')).toBe(await alice.participantId('Sam Supervisor'));
    // The agent's reply goes back to the whisperer by default; the next message goes to everyone again.
    expect(await alice.page.$eval(alice.inSession('chat-recipient'), (el) => (el as HTMLSelectElement).value)).toBe(await alice.participantId('Sam Supervisor'));
    await alice.sendChat('Will do');
    await textAppears(sam.page, sam.inSession('chat-message-text'), 'Will do');
    expect(await attribute(sam.page, `${sam.inSession('chat-message')}[data-private="true"]:last-child`, 'data-from')).toBe(await sam.participantId('Alice Agent'));
    expect(await alice.page.$eval(alice.inSession('chat-recipient'), (el) => (el as HTMLSelectElement).value)).toBe('');
    await alice.sendChat('Eve, one more question');
    await textAppears(eve.page, byTestId('chat-message-text'), 'Eve, one more question');
    expect(await pageText(eve.page)).not.toContain('Will do');
    await eve.sendChat('Is everything all right?');
    await textAppears(alice.page, alice.inSession('chat-message-text'), 'Is everything all right?');
    expect(await pageText(eve.page)).not.toContain(whisper);
    const received = await eve.receivedEvents();
    expect(received.map((event) => event.name)).toContain('chat:message');
    expect(received.filter((event) => event.json.includes(whisper) || event.json.includes('Will do'))).toEqual([]);
    expect(received.filter((event) => event.json.includes('"whisper":true'))).toEqual([]);

    // Take over: the supervisor is now the agent in control and may end the session.
    await sam.takeOver();
    await sam.endEnabledIs(true);
    await alice.controlIs('observer');
    await alice.endEnabledIs(false);
    expect(await isShown(sam.page, sam.inSession('take-over'))).toBe(false);
    // The customer is now helped by the supervisor, and told who it is.
    await textAppears(eve.page, byTestId('agent-name'), 'Sam Supervisor');
    await sam.endSession();
    await visible(eve.page, byTestId('session-ended'));
    await visible(alice.page, alice.inSession('session-ended'));
    await visible(sam.page, sam.inSession('notes-review'));
    await waitFor('the session leaves the live list', async () => !(await isShown(sam.page, row)) || undefined);
  });
});
