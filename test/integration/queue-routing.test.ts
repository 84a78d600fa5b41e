import { QueueWorld } from '../support/queue-world';
import type { QueueAgent } from '../support/queue-world';
import { startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/**
 * Routing, offers, presence, abandon and maximum wait, on a real server whose
 * clock the test moves forward (offer timeouts and maximum waits without waiting).
 */
describe('queue routing and presence', () => {
  let server: TestServer;
  let world: QueueWorld;
  let offset = 0;
  const advance = (seconds: number) => void (offset += seconds * 1000);
  beforeAll(async () => {
    server = await startTestServer({ helpRequestsPerAddress: 10_000, queueTickMs: 50, queueAbandonGraceSeconds: 1 }, { clock: () => Date.now() + offset });
    world = new QueueWorld(server.url);
  });
  afterEach(() => world.closeClients());
  afterAll(() => server?.close());

  /** Agents come online one after the other: the first has been idle the longest. */
  async function agentsInOrder(queues: Parameters<QueueWorld['agent']>[0], names: string[], maxSessions = 3): Promise<QueueAgent[]> {
    const agents: QueueAgent[] = [];
    for (const name of names) {
      agents.push(await world.agent(queues, maxSessions, name));
      advance(1);
    }
    return agents;
  }

  it('longest idle: the agent idle the longest gets the offer; accepting it starts the session', async () => {
    const queue = await world.createQueue({ routing: 'longest-idle' });
    const [first, second] = await agentsInOrder([queue], ['Idle Longest', 'Just Came']);
    const { page } = await world.customer(queue.id, 'Routed');
    const offer = await first?.client.waitForEvent('queue:offer');
    expect(offer?.entry.customerName).toBe('Routed');
    expect(second?.client.received('queue:offer')).toEqual([]);
    const accepted = await first?.client.call('offer:accept', { offerId: offer?.offerId });
    expect(await page.waitForEvent('queue:accepted')).toMatchObject({ agentName: 'Idle Longest', admission: { sessionId: accepted?.session.id } });
  });

  it('fewest active: the agent with fewer sessions gets the offer, even if the other was idle longer', async () => {
    const manual = await world.createQueue();
    const queue = await world.createQueue({ routing: 'fewest-active' });
    const [busyOne, freeOne] = await agentsInOrder([manual, queue], ['One Session', 'No Session']);
    const earlier = await world.customer(manual.id, 'Earlier');
    await busyOne?.client.call('queue:accept', { entryId: earlier.help.entryId });
    await world.customer(queue.id, 'Routed');
    expect((await freeOne?.client.waitForEvent('queue:offer'))?.entry.customerName).toBe('Routed');
    expect(busyOne?.client.received('queue:offer')).toEqual([]);
  });

  it('an offer not answered in time moves to the next agent; N missed offers set the agent away', async () => {
    const queue = await world.createQueue({ routing: 'longest-idle', offerTimeoutSeconds: 5, missedOffersBeforeAway: 1 });
    const [sleepy, awake] = await agentsInOrder([queue], ['Sleepy', 'Awake']);
    await world.customer(queue.id, 'Patient');
    const first = await sleepy?.client.waitForEvent('queue:offer');
    advance(6);
    expect(await sleepy?.client.waitForEvent('queue:offer-withdrawn')).toMatchObject({ offerId: first?.offerId, reason: 'timeout' });
    await sleepy?.client.waitForEvent('presence:updated', (p) => p.state === 'away' && p.awayReason === 'missed-offers');
    const second = await awake?.client.waitForEvent('queue:offer');
    expect(second?.entry.customerName).toBe('Patient');
    expect(await sleepy?.client.request('offer:accept', { offerId: first?.offerId })).toMatchObject({ ok: false, error: { code: 'OFFER_NOT_FOUND' } });
    await awake?.client.call('offer:accept', { offerId: second?.offerId });
    expect(await sleepy?.client.call('presence:set', { state: 'available' })).toMatchObject({ state: 'available', missedOffers: 0, awayReason: null });
  });

  it('declining moves the offer on without counting a miss', async () => {
    const queue = await world.createQueue({ routing: 'longest-idle', missedOffersBeforeAway: 1 });
    const [decliner, taker] = await agentsInOrder([queue], ['Decliner', 'Taker']);
    await world.customer(queue.id, 'Declined');
    const offer = await decliner?.client.waitForEvent('queue:offer');
    await decliner?.client.call('offer:decline', { offerId: offer?.offerId });
    expect((await taker?.client.waitForEvent('queue:offer'))?.entry.customerName).toBe('Declined');
    expect(await decliner?.client.call('queue:list', {})).toMatchObject({ presence: { state: 'available', missedOffers: 0 } });
  });

  it('busy at the maximum of sessions, in wrap-up after one ends, then available', async () => {
    const queue = await world.createQueue({ wrapUpSeconds: 30 });
    const [agent] = await agentsInOrder([queue], ['Single'], 1);
    const { help } = await world.customer(queue.id, 'Only');
    const accepted = await agent?.client.call('queue:accept', { entryId: help.entryId });
    await agent?.client.waitForEvent('presence:updated', (p) => p.state === 'busy' && p.activeSessions === 1);
    const next = await world.customer(queue.id, 'Next');
    expect(await agent?.client.request('queue:accept', { entryId: next.help.entryId })).toMatchObject({ ok: false, error: { code: 'SESSION_LIMIT' } });
    await agent?.client.call('session:join', { sessionId: accepted?.session.id });
    await agent?.client.call('session:end', { sessionId: accepted?.session.id });
    await agent?.client.waitForEvent('presence:updated', (p) => p.state === 'wrap-up' && p.wrapUpUntil !== null);
    advance(31);
    await agent?.client.waitForEvent('presence:updated', (p) => p.state === 'available' && p.wrapUpUntil === null);
  });

  it('a customer whose page is gone past the grace period is abandoned; a quick reload keeps the place', async () => {
    const queue = await world.createQueue();
    const agent = await world.agent([queue]);
    const reloads = await world.customer(queue.id, 'Reloads');
    const leaves = await world.customer(queue.id, 'Leaves');
    reloads.page.close();
    const reloaded = await world.connect(reloads.help.waitToken);
    expect(await reloaded.call('queue:status', {})).toMatchObject({ state: 'waiting', position: 1 });
    leaves.page.close();
    await waitFor('the page that left seen as gone', async () => !(await agent.client.call('queue:list', {})).queues[0]?.entries[1]?.connected);
    advance(2);
    await waitFor('the customer who left recorded as abandoned', async () =>
      (await world.records(queue.id)).find((r) => r.entryId === leaves.help.entryId)?.outcome === 'abandoned');
    expect(await reloaded.call('queue:status', {})).toMatchObject({ state: 'waiting', position: 1 });
    const view = await agent.client.call('queue:list', {});
    expect(view.queues[0]?.entries.map((e) => e.customerName)).toEqual(['Reloads']);
  });

  it('past the maximum wait the customer is asked: keep waiting, or leave a message kept in the record', async () => {
    const queue = await world.createQueue({ maxWaitSeconds: 60 });
    const keeps = await world.customer(queue.id, 'Keeps Waiting');
    const gives = await world.customer(queue.id, 'Gives Up');
    advance(61);
    await keeps.page.waitForEvent('queue:status', (s) => s.maxWaitReached);
    await gives.page.waitForEvent('queue:status', (s) => s.maxWaitReached);
    expect(await keeps.page.call('queue:keep-waiting', {})).toMatchObject({ maxWaitReached: false, keepWaiting: true, state: 'waiting' });
    expect(await gives.page.call('queue:leave-message', { text: 'Please e-mail me' })).toMatchObject({ state: 'left-message' });
    const records = await world.records(queue.id);
    expect(records.find((r) => r.entryId === gives.help.entryId)).toMatchObject({ outcome: 'left-message', leftMessage: 'Please e-mail me' });
    expect(await keeps.page.call('queue:status', {})).toMatchObject({ position: 1, maxWaitReached: false });
  });
});
