import type { Queue } from '@rs/signaling';
import { updateAccount } from '../support/accounts';
import { TEST_ADMIN } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import type { AgentConsolePage } from './pages/agent-console-page';
import { ConsoleQueues } from './pages/console-queues';
import { HelpPage } from './pages/help-page';
import { attribute, byTestId, click, textAppears, texts, type, visible } from './pages/page-helpers';
import { createQueue, createQuickPhrase, queueRecords, queueSettings } from './queue-setup';

/**
 * Inbound support (issue 10) in Chromium: the public help page and waiting room,
 * the agent's queue panel, Accept next, abandon, transfer to another queue with a
 * message, an automatic offer moving on, a quick phrase in French. Both apps as
 * built, a real server (queue tick every 100 ms, 3 s abandon grace).
 */
describe('inbound support queues in the browsers', () => {
  const world = useE2eWorld({ helpRequestsPerAddress: 10_000, queueAbandonGraceSeconds: 3, queueTickMs: 100 });
  const pages: HelpPage[] = [];
  let general: Queue;
  let billing: Queue;

  beforeAll(async () => {
    const { server, accounts } = world();
    // Each test takes customers into new sessions: room for all of them.
    for (const agent of [accounts.alice, accounts.bob]) await updateAccount(server.url, TEST_ADMIN, agent.id, { maxSessions: 10 });
    general = await createQueue(server.url, TEST_ADMIN, queueSettings('General help', [accounts.alice.id]));
    billing = await createQueue(server.url, TEST_ADMIN, queueSettings('Billing', [accounts.bob.id]));
    await createQuickPhrase(server.url, TEST_ADMIN, { language: 'en', queueId: null, code: 'hello', title: 'Greeting', text: 'Hello, how can I help you today?' });
    await createQuickPhrase(server.url, TEST_ADMIN, { language: 'fr', queueId: null, code: 'hello', title: 'Salutation', text: 'Bonjour, comment puis-je vous aider aujourd’hui ?' });
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });

  async function helpPage(query = ''): Promise<HelpPage> {
    const page = await HelpPage.open(world().browser, world().server.url, query);
    pages.push(page);
    return page;
  }

  async function agent(who: 'alice' | 'bob'): Promise<{ console: AgentConsolePage; queues: ConsoleQueues }> {
    const page = await world().signedIn(world().accounts[who]);
    const queues = new ConsoleQueues(page.page);
    await queues.setPresence('available');
    return { console: page, queues };
  }

  it('a customer fills the form and waits (position 2, then 1); Accept next puts both in the session with the first message', async () => {
    const { console: alice, queues } = await agent('alice');
    const first = await helpPage('?ref=https%3A%2F%2Fshop.example%2Forders');
    await first.askForHelp({ queueId: general.id, name: 'Xavier', problem: 'My order never arrived.' });
    await first.positionIs(1);

    const ann = await helpPage('?ref=https%3A%2F%2Fshop.example%2Fcart%3Fitem%3D42');
    await ann.askForHelp({ queueId: general.id, name: 'Ann', email: 'ann@example.com', problem: 'The printer says offline.' });
    await ann.positionIs(2);
    expect(await ann.positionText()).toContain('2');
    expect(await ann.estimateText()).toMatch(/Estimated wait/);
    expect((await texts(ann.page, byTestId('waiting-greeting')))[0]).toContain('Welcome to General help');

    // The agent sees both, in order, with the problem, the page and a ticking wait; each arrival chimed.
    const annRow = await queues.waitForCustomer(general.id, 'Ann');
    expect((await alice.debug<{ sounds: number }>('queueAlerts')).sounds).toBeGreaterThanOrEqual(2);
    expect((await texts(alice.page, `${annRow} ${byTestId('entry-problem')}`))[0]).toBe('The printer says offline.');
    expect((await texts(alice.page, `${annRow} ${byTestId('entry-referrer')}`))[0]).toBe('shop.example/cart');
    const waited = async (): Promise<string> => (await texts(alice.page, `${annRow} ${byTestId('entry-waited')}`))[0] ?? '';
    const before = await waited();
    await waitFor('the wait time ticks', async () => (await waited()) !== before || undefined);

    // Xavier is taken first (accepted by name): Ann moves to position 1.
    await queues.accept(await queues.waitForCustomer(general.id, 'Xavier'));
    await first.inSessionWith('Alice Agent');
    await ann.positionIs(1);

    await ann.writeFirstMessage('Hello, the printer in room 4 is offline.');
    await queues.acceptNext();
    await ann.inSessionWith('Alice Agent');
    await alice.waitForParticipant('Ann');
    await textAppears(alice.page, alice.inSession('chat-message-text'), 'Hello, the printer in room 4 is offline.');
    await textAppears(ann.page, byTestId('chat-message-text'), 'Hello, the printer in room 4 is offline.');
    // The agent's intake card: what the form said.
    await textAppears(alice.page, alice.inSession('intake-problem'), 'The printer says offline.');
    await queues.customerGone(general.id, 'Ann');

    // A reload of the customer's page stays in the session (no number to type).
    await ann.page.reload({ waitUntil: 'load' });
    await ann.inSessionWith('Alice Agent');
  });

  it('a reload keeps the place; a customer who closes the page is abandoned after the grace period, and it is recorded', async () => {
    const { server } = world();
    const { queues } = await agent('alice');
    const dee = await helpPage();
    await dee.askForHelp({ queueId: general.id, name: 'Dee' });
    const cid = await helpPage();
    await cid.askForHelp({ queueId: general.id, name: 'Cid', problem: 'Cannot log in' });
    await cid.positionIs(2);

    // A reload keeps the place.
    await cid.page.reload({ waitUntil: 'load' });
    await visible(cid.page, byTestId('waiting-room'));
    await cid.positionIs(2);

    // The supervisor's board counts them.
    const sam = await world().signedIn(world().accounts.sam);
    await waitFor('two waiting on the board', async () => (await attribute(sam.page, `${byTestId('queue-board-row')}[data-queue-id="${general.id}"]`, 'data-waiting')) === '2' || undefined);

    // Dee closes the page: gone from the queue after the grace period, Cid moves up.
    await queues.waitForCustomer(general.id, 'Dee');
    await dee.close();
    await queues.customerGone(general.id, 'Dee', 20_000);
    await cid.positionIs(1);
    await waitFor('one waiting on the board', async () => (await attribute(sam.page, `${byTestId('queue-board-row')}[data-queue-id="${general.id}"]`, 'data-waiting')) === '1' || undefined);
    const record = await waitFor('the abandon recorded', async () => (await queueRecords(server.url, TEST_ADMIN, general.id)).find((r) => r.customerName === 'Dee'));
    expect(record).toMatchObject({ outcome: 'abandoned', queueId: general.id, sessionId: null });

    // Leaving on purpose is clear: a confirmation, then a card saying so.
    await click(cid.page, byTestId('waiting-leave'));
    await click(cid.page, byTestId('waiting-leave-confirm'));
    await visible(cid.page, byTestId('help-ended'));
    expect(await attribute(cid.page, byTestId('help-ended'), 'data-reason')).toBe('left');
    await queues.customerGone(general.id, 'Cid');
  });

  it('transfer to another queue with a message: a second agent accepts and sees the message and the chat so far', async () => {
    const { console: alice, queues: aliceQueues } = await agent('alice');
    const { console: bob, queues: bobQueues } = await agent('bob');
    const eve = await helpPage();
    await eve.askForHelp({ queueId: general.id, name: 'Eve', problem: 'Invoice shows the wrong amount' });
    await aliceQueues.accept(await aliceQueues.waitForCustomer(general.id, 'Eve'));
    await eve.inSessionWith('Alice Agent');
    await alice.waitForParticipant('Eve');
    await alice.sendChat('Let me pass you to billing.');
    await textAppears(eve.page, byTestId('chat-message-text'), 'Let me pass you to billing.');

    const eveSession = ((await texts(alice.page, alice.inSession('session-number')))[0] ?? '').replace(/\D/g, '');
    await click(alice.page, alice.inSession('transfer-open'));
    await visible(alice.page, byTestId('transfer-dialog'));
    await alice.page.select(byTestId('transfer-queue'), billing.id);
    // Beyond 345 characters the counter turns red and Transfer is refused.
    await type(alice.page, byTestId('transfer-message'), 'x'.repeat(346));
    expect(await attribute(alice.page, byTestId('transfer-counter'), 'data-over')).toBe('true');
    await click(alice.page, byTestId('transfer-submit'));
    await visible(alice.page, byTestId('transfer-error'));
    expect(await attribute(alice.page, byTestId('transfer-error'), 'data-state')).toBe('too-long');
    const message = 'Eve was charged twice for invoice 1042; she has the bank statement.';
    await type(alice.page, byTestId('transfer-message'), message);
    expect((await texts(alice.page, byTestId('transfer-counter')))[0]).toBe(`${message.length} / 345`);
    await click(alice.page, byTestId('transfer-submit'));

    // Alice leaves the session; Eve is told and waits, in the session, with the chat kept.
    await waitFor("Alice's tab of the session closed", async () => !(await alice.tabNumbers()).includes(eveSession) || undefined);
    await visible(eve.page, byTestId('transfer-wait'));
    const entry = await bobQueues.waitForCustomer(billing.id, 'Eve');
    await bobQueues.accept(entry);
    await textAppears(bob.page, bob.inSession('transfer-note-message'), message);
    await textAppears(bob.page, bob.inSession('chat-message-text'), 'Let me pass you to billing.');
    await eve.inSessionWith('Bob Agent');
    await waitFor('the transfer notice gone', async () => (await eve.page.$(`${byTestId('transfer-wait')}:not([hidden])`)) === null || undefined);
  });

  it('an automatic offer that times out moves on to the next agent, who accepts it', async () => {
    const { server, accounts } = world();
    const auto = await createQueue(
      server.url,
      TEST_ADMIN,
      queueSettings('Automatic', [accounts.alice.id, accounts.bob.id], { routing: 'longest-idle', offerTimeoutSeconds: 5, missedOffersBeforeAway: 1 }),
    );
    const alice = await agent('alice');
    const bob = await agent('bob');
    const fay = await helpPage();
    await fay.askForHelp({ queueId: auto.id, name: 'Fay', problem: 'Wi-Fi drops every hour' });

    const firstOffered = await waitFor('an offer to one agent', async () => {
      if (await alice.queues.offerShown()) return { missed: alice, next: bob };
      if (await bob.queues.offerShown()) return { missed: bob, next: alice };
      return undefined;
    });
    await textAppears(firstOffered.missed.console.page, byTestId('offer-countdown'), 's');
    // Nobody answers: after 5 s the offer moves on; the agent who let it lapse is set away.
    await waitFor('the offer moved on', () => firstOffered.next.queues.offerShown(), { timeoutMs: 20_000 });
    expect(await firstOffered.missed.queues.offerShown()).toBe(false);
    await firstOffered.missed.queues.presenceIs('away');
    await click(firstOffered.next.console.page, byTestId('offer-accept'));
    await firstOffered.next.console.waitForParticipant('Fay');
    await fay.inSessionWith(firstOffered.next === alice ? 'Alice Agent' : 'Bob Agent');
  });

  it('a quick phrase typed as /code in the chat box is inserted in the session language (French)', async () => {
    const { console: alice, queues } = await agent('alice');
    const gus = await helpPage('?lang=fr');
    await visible(gus.page, byTestId('help-form'));
    expect((await texts(gus.page, byTestId('help-submit')))[0]).toBe('Demander de l’aide');
    await gus.askForHelp({ queueId: general.id, name: 'Gustave', problem: 'Mon écran reste noir' });
    await queues.accept(await queues.waitForCustomer(general.id, 'Gustave'));
    await gus.inSessionWith('Alice Agent');
    await alice.waitForParticipant('Gustave');

    const input = alice.inSession('chat-input');
    await type(alice.page, input, '/hello');
    await alice.page.keyboard.press('Tab');
    expect(await alice.page.$eval(input, (element) => (element as HTMLInputElement).value)).toBe('Bonjour, comment puis-je vous aider aujourd’hui ?');
    await click(alice.page, alice.inSession('chat-send'));
    await textAppears(gus.page, byTestId('chat-message-text'), 'Bonjour, comment puis-je vous aider aujourd’hui ?');

    // The picker opens on the session's language too.
    await click(alice.page, alice.inSession('quick-phrase-open'));
    await visible(alice.page, alice.inSession('quick-phrase'));
    expect(await alice.page.$eval(alice.inSession('quick-phrase-language'), (element) => (element as HTMLSelectElement).value)).toBe('fr');
  });
});
