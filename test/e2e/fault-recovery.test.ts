import { waitFor } from '../support/wait-for';
import { useE2eWorld } from './e2e-world';
import { shareCustomerScreen } from './media-helpers';
import type { AgentConsolePage } from './pages/agent-console-page';
import { attribute, byTestId, click, isShown, visible } from './pages/page-helpers';
import { framesFlowAgain, shownScreen } from './recovery-helpers';

/** Waits until the agent's participants list shows someone connected or not. */
async function connectedIs(agent: AgentConsolePage, name: string, connected: boolean): Promise<void> {
  const selector = `[data-testid="participant-item"][data-participant-id="${await agent.participantId(name)}"]`;
  await waitFor(`${name} connected=${connected}`, async () => (await attribute(agent.page, selector, 'data-connected')) === String(connected) || undefined);
}

/** Issue 7 §3: each fault is caused for real (SIGKILL, offline browser, reload) and heals without a new consent. */
describe('faults heal themselves: worker death, network drop, reload', () => {
  const world = useE2eWorld();
  const started: string[] = [];
  // Each test starts a session: end it afterwards so the agent stays under their maximum.
  afterEach(async () => {
    const { store, sessions } = world().server.app.services;
    for (const sessionId of started.splice(0)) {
      const session = await store.getSession(sessionId);
      const participant = session && (await store.getParticipant(sessionId, session.controllerId));
      if (session && participant && session.state !== 'ended') await sessions.end({ session, participant });
    }
  });

  async function sharingSession() {
    const { accounts } = world();
    const agent = await world().signedIn(accounts.alice);
    const number = await agent.startSession();
    const sessionId = await world().sessionIdOf(number);
    started.push(sessionId);
    const customer = await world().customer(number, 'Alice');
    await agent.waitForParticipant('Alice');
    await shareCustomerScreen(agent, customer);
    await agent.framesDecodedAbove(5);
    return { agent, customer, sessionId };
  }

  const grantsOf = async (sessionId: string) =>
    (await world().server.app.services.consents.list(sessionId)).map((c) => `${c.activity}:${c.status}`);

  it('kill -9 of the media worker: the agent decodes frames again with no click, the grant intact', async () => {
    const { agent, customer, sessionId } = await sharingSession();
    await customer.watchForConsentPrompt();
    const rooms = world().server.app.services.rooms;
    const deadPid = (await rooms.peek(sessionId))!.workerPid;
    const before = await shownScreen(agent);

    process.kill(deadPid, 'SIGKILL');

    const moved = await waitFor('the session on a new worker', async () => {
      const room = await rooms.peek(sessionId);
      return room && room.workerPid !== deadPid ? room : undefined;
    });
    const after = await framesFlowAgain(agent, before);
    expect(after.producerId).not.toBe(before.producerId);
    expect(moved.listProducers().map((p) => p.source)).toEqual(['screen']);
    expect(await grantsOf(sessionId)).toEqual(['view-desktop:granted']);
    expect(await customer.isSharing()).toBe(true);
    expect(await customer.consentPromptSeen()).toBe(false);
  });

  it('the customer offline for 5 s: frames flow again by themselves, the grant intact', async () => {
    const { agent, customer, sessionId } = await sharingSession();
    await customer.watchForConsentPrompt();
    await customer.page.setOfflineMode(true);
    // The customer's socket drops: the agent sees them disconnected.
    await connectedIs(agent, 'Alice', false);
    await new Promise((resolve) => setTimeout(resolve, 5_000)); // the outage under test, not a wait for a condition
    await customer.page.setOfflineMode(false);
    const since = await shownScreen(agent);

    await framesFlowAgain(agent, since);
    await connectedIs(agent, 'Alice', true);
    expect(await grantsOf(sessionId)).toEqual(['view-desktop:granted']);
    expect(await customer.isSharing()).toBe(true);
    expect(await customer.consentPromptSeen()).toBe(false);
  });

  it('a customer reload: one Resume sharing click, no new consent, and the agent is told why', async () => {
    const { agent, customer, sessionId } = await sharingSession();
    const before = await shownScreen(agent);

    await customer.page.reload({ waitUntil: 'load' });
    await visible(customer.page, byTestId('share-resume-prompt'));
    expect(await isShown(customer.page, byTestId('consent-prompt'))).toBe(false);
    await agent.viewStatusIs('waiting-resume');
    await agent.requestViewEnabledIs(true);

    await click(customer.page, byTestId('share-resume'));
    const after = await framesFlowAgain(agent, before);
    expect(after.producerId).not.toBe(before.producerId);
    await agent.viewStatusIs('viewing');
    expect(await grantsOf(sessionId)).toEqual(['view-desktop:granted']);
  });
});
