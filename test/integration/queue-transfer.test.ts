import { QUEUE_LIMITS, ROUTES } from '@rs/signaling';
import type { SessionRecordResponse } from '@rs/signaling';
import { callJson, useQueueWorld } from '../support/queue-world';
import type { QueueAgent } from '../support/queue-world';
import type { TestClient } from '../support/signaling-client';
import { unwrap } from '../support/signaling-client';
import { waitFor } from '../support/wait-for';

/** R1.5: transfer a session to another queue (front) or to named agents, with a message of at most 345 characters. */
describe.each(['memory', 'redis'] as const)('session transfer (%s store)', (kind) => {
  const env = useQueueWorld(kind);

  /** A customer from `queue` in a session with `agent`, both joined, a few chat lines exchanged. */
  async function inSession(agent: QueueAgent, queueId: string, name: string): Promise<{ sessionId: string; customer: TestClient; entryId: string }> {
    const { help, page } = await env.world.customer(queueId, name, { firstMessage: 'my screen is black' });
    const accepted = await agent.client.call('queue:accept', { entryId: help.entryId });
    const admitted = await page.waitForEvent('queue:accepted');
    const customer = await env.world.connect(admitted.admission?.token ?? '');
    await customer.call('session:join', { sessionId: accepted.session.id });
    await agent.client.call('session:join', { sessionId: accepted.session.id });
    await agent.client.call('chat:send', { sessionId: accepted.session.id, text: 'Let me look' });
    return { sessionId: accepted.session.id, customer, entryId: help.entryId };
  }

  it('to a queue: the customer waits first in line, keeps the chat; the next agent sees the message; the first agent has left', async () => {
    const [first, second] = [await env.world.createQueue({ name: { en: 'Level 1' } }), await env.world.createQueue({ name: { en: 'Level 2' } })];
    const agent1 = await env.world.agent([first], 3, 'First Agent');
    const agent2 = await env.world.agent([second], 3, 'Second Agent');
    const alreadyWaiting = await env.world.customer(second.id, 'Already Waiting');
    const { sessionId, customer } = await inSession(agent1, first.id, 'Moved');
    await agent1.client.call('voice:start', { sessionId });

    const message = 'Needs a level 2 look at the graphics driver';
    await agent1.client.call('session:transfer', { sessionId, target: { kind: 'queue', queueId: second.id }, message });
    const told = await customer.waitForEvent('queue:transferred');
    expect(told.status).toMatchObject({ queueId: second.id, position: 1, sessionId, queueName: { en: 'Level 2' } });
    await alreadyWaiting.page.waitForEvent('queue:status', (s) => s.position === 2);
    expect((await customer.waitForEvent('voice:state', (v) => !v.active)).active).toBe(false);
    await customer.waitForEvent('session:participant-left', (e) => e.participant.displayName === 'First Agent');
    expect(await agent1.client.request('chat:send', { sessionId, text: 'still here?' })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SESSION' } });

    const list = await agent2.client.waitForEvent('queue:updated', (v) => v.queue.id === second.id && v.entries.length === 2);
    expect(list.entries.map((e) => [e.customerName, e.transfer?.message ?? null])).toEqual([['Moved', message], ['Already Waiting', null]]);
    const accepted = await agent2.client.call('queue:accept-next', { queueId: second.id });
    expect(accepted.session.id).toBe(sessionId);
    expect(accepted.transfer).toMatchObject({ message, fromAgentName: 'First Agent', kind: 'queue', toQueueId: second.id });
    expect(await customer.waitForEvent('queue:accepted')).toMatchObject({ agentName: 'Second Agent', admission: null });
    const view = await agent2.client.call('session:join', { sessionId });
    expect(view.chat.map((m) => m.text)).toEqual(['my screen is black', 'Let me look']);
    expect(view.session.controllerId).toBe(view.self.id);
    expect(view.participants.filter((p) => p.leftAt === null).map((p) => p.displayName)).toEqual(['Moved', 'Second Agent']);
    await agent2.client.call('chat:send', { sessionId, text: 'Hi, level 2 here' });
    await customer.waitForEvent('chat:message', (m) => m.text === 'Hi, level 2 here');

    const record = unwrap(await callJson<SessionRecordResponse>(env.server.url, 'GET', ROUTES.sessionRecord(sessionId), undefined, agent2.token));
    expect(record.queue?.transfers.map((t) => [t.fromAgentName, t.toQueueId, t.message])).toEqual([['First Agent', second.id, message]]);
    expect(record.queue?.acceptedByName).toBe('Second Agent');
  });

  it('to named agents: offered to them; the one who accepts takes the session', async () => {
    const queue = await env.world.createQueue();
    const agent1 = await env.world.agent([queue], 3, 'Sender');
    const named = await env.world.agent([], 3, 'Named Agent');
    const { sessionId, customer } = await inSession(agent1, queue.id, 'Passed On');
    await agent1.client.call('session:transfer', { sessionId, target: { kind: 'agents', agentIds: [named.id] }, message: 'VIP' });
    const offer = await named.client.waitForEvent('queue:offer');
    expect(offer).toMatchObject({ entry: { customerName: 'Passed On', sessionId, queueId: null }, transfer: { message: 'VIP', kind: 'agents' } });
    expect(await customer.call('queue:status', {})).toMatchObject({ state: 'offered', sessionId, queueId: null });
    const accepted = await named.client.call('offer:accept', { offerId: offer.offerId });
    expect(accepted.session.id).toBe(sessionId);
    expect(await named.client.call('session:join', { sessionId })).toMatchObject({ session: { agentName: 'Named Agent' } });
  });

  it(`refuses a message over ${QUEUE_LIMITS.transferMessageLength} characters with its own code, and changes nothing`, async () => {
    const [first, second] = [await env.world.createQueue(), await env.world.createQueue()];
    const agent1 = await env.world.agent([first]);
    const { sessionId, customer } = await inSession(agent1, first.id, 'Stays');
    const tooLong = 'x'.repeat(QUEUE_LIMITS.transferMessageLength + 1);
    const refused = await agent1.client.request('session:transfer', { sessionId, target: { kind: 'queue', queueId: second.id }, message: tooLong });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TRANSFER_MESSAGE_TOO_LONG' } });
    const exact = 'y'.repeat(QUEUE_LIMITS.transferMessageLength);
    expect(await customer.call('queue:status', {})).toMatchObject({ state: 'accepted', position: 0, queueId: first.id });
    expect(await agent1.client.call('chat:send', { sessionId, text: 'still yours' })).toMatchObject({ text: 'still yours' });
    expect(customer.received('queue:transferred')).toEqual([]);
    expect(await agent1.client.call('session:transfer', { sessionId, target: { kind: 'queue', queueId: second.id }, message: exact })).toHaveProperty('entryId');
  });

  it('only the agent in control transfers; the customer leaving while transferred ends the wait and the session', async () => {
    const [first, second] = [await env.world.createQueue(), await env.world.createQueue()];
    const agent1 = await env.world.agent([first]);
    const { sessionId, customer } = await inSession(agent1, first.id, 'Goes Away');
    expect(await customer.request('session:transfer', { sessionId, target: { kind: 'queue', queueId: second.id } })).toMatchObject({
      ok: false, error: { code: 'FORBIDDEN' },
    });
    const { entryId } = await agent1.client.call('session:transfer', { sessionId, target: { kind: 'queue', queueId: second.id } });
    await customer.call('session:leave', { sessionId });
    await waitFor('the transferred wait recorded as abandoned', async () => (await env.world.records(second.id)).find((r) => r.entryId === entryId)?.outcome === 'abandoned');
    const admin = await env.world.admin();
    await waitFor('the session nobody is in any more ended', async () =>
      unwrap(await callJson<SessionRecordResponse>(env.server.url, 'GET', ROUTES.sessionRecord(sessionId), undefined, admin)).session.state === 'ended');
  });
});
