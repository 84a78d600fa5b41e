import { ROUTES } from '@rs/signaling';
import { TestClient, login, newAgent, postJson, startSessionWithCustomer } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { startRedisServer } from '../support/redis-server';
import { rtpParameters } from '../support/rtp-parameters';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

describe.each(['memory', 'redis'] as const)('signaling flow against a real mediasoup worker (%s store)', (store) => {
  let server: TestServer;
  let agentAccount: Credentials;
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    redis = store === 'redis' ? await startRedisServer() : undefined;
    server = await startTestServer({ redisUrl: redis?.url });
    expect(server.app.services.store.kind).toBe(store);
    agentAccount = await newAgent(server.url, TEST_ADMIN, 20);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  async function session() {
    const s = await startSessionWithCustomer(server.url, agentAccount);
    clients.push(s.agent, s.customer);
    return s;
  }

  /** One send transport per customer, as a browser holds (a participant may hold only a few). */
  const sendTransports = new Map<TestClient, string>();
  async function produceScreen(customer: TestClient, sessionId: string) {
    const transportId = sendTransports.get(customer) ?? (await customer.call('media:create-transport', { sessionId, direction: 'send' })).id;
    sendTransports.set(customer, transportId);
    return customer.request('media:produce', {
      sessionId, transportId, kind: 'video', source: 'screen', rtpParameters: rtpParameters('video'),
    });
  }

  it('a customer joins by number: the agent sees them, they see the agent, the session becomes active', async () => {
    const { agent, customerSnapshot, joined, sessionId } = await session();
    const event = await agent.waitForEvent('session:participant-joined', (e) => e.participant.id === joined.participantId);
    expect(event.participant).toMatchObject({ role: 'customer', displayName: 'Casey' });
    expect(customerSnapshot.participants.map((p) => p.role).sort()).toEqual(['agent', 'customer']);
    expect(customerSnapshot.session).toMatchObject({ id: sessionId, state: 'active', agentName: 'Support Agent' });
  });

  it('deny: the agent is told, no producer can exist; grant: the screen flows to the agent through the SFU', async () => {
    const { agent, customer, joined, sessionId } = await session();
    expect(await produceScreen(customer, sessionId)).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });

    const denied = await agent.call('consent:ask', { sessionId, activity: 'view-desktop', customerId: joined.participantId });
    const prompt = await customer.waitForEvent('consent:prompt', (c) => c.id === denied.id);
    await customer.call('consent:answer', { sessionId, requestId: prompt.id, granted: false });
    await agent.waitForEvent('consent:updated', (c) => c.id === denied.id && c.status === 'denied');
    expect(await produceScreen(customer, sessionId)).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
    expect((await server.app.services.rooms.get(sessionId)).listProducers()).toEqual([]);

    const granted = await agent.call('consent:ask', { sessionId, activity: 'view-desktop', customerId: joined.participantId });
    await customer.waitForEvent('consent:prompt', (c) => c.id === granted.id);
    await customer.call('consent:answer', { sessionId, requestId: granted.id, granted: true });
    const produced = await produceScreen(customer, sessionId);
    if (!produced.ok) throw new Error(produced.error.code);
    const added = await agent.waitForEvent('media:producer-added', (p) => p.producerId === produced.data.producerId);
    expect(added).toMatchObject({ participantId: joined.participantId, source: 'screen', kind: 'video' });

    const { rtpCapabilities } = await agent.call('media:capabilities', { sessionId });
    const recv = await agent.call('media:create-transport', { sessionId, direction: 'recv' });
    const consumer = await agent.call('media:consume', { sessionId, transportId: recv.id, producerId: added.producerId, rtpCapabilities });
    expect(consumer).toMatchObject({ producerId: added.producerId, kind: 'video', source: 'screen' });
    await agent.call('media:resume-consumer', { sessionId, consumerId: consumer.consumerId });

    // One grant covers a second application (a second track), not a third.
    const second = await produceScreen(customer, sessionId);
    expect(second).toMatchObject({ ok: true });
    expect(await produceScreen(customer, sessionId)).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });

    await agent.call('share:stop', { sessionId });
    await customer.waitForEvent('media:producer-closed', (p) => p.producerId === added.producerId);
    if (second.ok) await customer.waitForEvent('media:producer-closed', (p) => p.producerId === second.data.producerId);
    await agent.waitForEvent('consent:updated', (c) => c.id === granted.id && c.status === 'ended');
    expect(await produceScreen(customer, sessionId)).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
    const audit = await server.app.services.store.listAudit(sessionId);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['consent:requested', 'consent:denied', 'consent:granted', 'consent:ended']));
  });

  it('a customer cannot answer a request addressed to them twice, nor one addressed to someone else', async () => {
    const { agent, customer, joined, sessionId } = await session();
    const asked = await agent.call('consent:ask', { sessionId, activity: 'view-desktop', customerId: joined.participantId });
    await customer.call('consent:answer', { sessionId, requestId: asked.id, granted: true });
    expect(await customer.request('consent:answer', { sessionId, requestId: asked.id, granted: false })).toMatchObject({
      ok: false, error: { code: 'CONSENT_ALREADY_ANSWERED' },
    });
    const other = await session();
    expect(await other.customer.request('consent:answer', { sessionId, requestId: asked.id, granted: true })).toMatchObject({
      ok: false, error: { code: 'NOT_IN_SESSION' },
    });
  });

  it('chat to all and to one arrives in order with sender and time, and comes back after a reconnect', async () => {
    const s = await session();
    const { agent, customer, sessionId, joined } = s;
    const first = await agent.call('chat:send', { sessionId, text: 'Hello, how can I help?' });
    const second = await customer.call('chat:send', { sessionId, text: 'My printer is stuck' });
    const privateToCustomer = await agent.call('chat:send', { sessionId, text: 'just for you', to: joined.participantId });
    expect([first.seq, second.seq, privateToCustomer.seq]).toEqual([0, 1, 2]);
    expect(second).toMatchObject({ fromName: 'Casey', to: null });
    await customer.waitForEvent('chat:message', (m) => m.id === privateToCustomer.id);

    const third = await startSessionWithCustomer(server.url, agentAccount, 'Other');
    clients.push(third.agent, third.customer);
    expect(await third.customer.request('chat:send', { sessionId, text: 'sneaky' })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SESSION' } });

    customer.close();
    const again = await TestClient.connect(server.url, joined.token);
    clients.push(again);
    const snapshot = await again.call('session:join', { sessionId });
    expect(snapshot.chat.map((m) => m.text)).toEqual(['Hello, how can I help?', 'My printer is stuck', 'just for you']);
    expect(snapshot.self.id).toBe(joined.participantId);
  });

  it('only the agent ends the session; then everyone is told and the number no longer joins', async () => {
    const { agent, customer, created, sessionId } = await session();
    expect(await customer.request('session:end', { sessionId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await agent.call('session:end', { sessionId });
    const ended = await customer.waitForEvent('session:ended');
    expect(ended.sessionId).toBe(sessionId);
    const rejoin = await postJson(server.url, ROUTES.join, { sessionNumber: created.session.number, displayName: 'Late' });
    expect(rejoin).toMatchObject({ status: 404, body: { ok: false, error: { code: 'SESSION_NOT_FOUND' } } });
    expect(await customer.request('chat:send', { sessionId, text: 'still there?' })).toMatchObject({ ok: false, error: { code: 'SESSION_ENDED' } });
  });

  it('a customer leaves: the agent sees them leave, their screen share closes and they cannot come back with the token', async () => {
    const { agent, customer, joined, sessionId } = await session();
    const asked = await agent.call('consent:ask', { sessionId, activity: 'view-desktop', customerId: joined.participantId });
    await customer.call('consent:answer', { sessionId, requestId: asked.id, granted: true });
    const produced = await produceScreen(customer, sessionId);
    if (!produced.ok) throw new Error(produced.error.code);
    await customer.call('session:leave', { sessionId });
    await agent.waitForEvent('session:participant-left', (e) => e.participant.id === joined.participantId);
    await agent.waitForEvent('media:producer-closed', (p) => p.producerId === produced.data.producerId);
    expect(await customer.request('session:join', { sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SESSION' } });
  });

  it('an unused session number expires', async () => {
    const short = await startTestServer({ redisUrl: redis?.url, sessionNumberTtlSeconds: 1 });
    try {
      const shortAgent = await newAgent(short.url, TEST_ADMIN);
      const s = await startSessionWithCustomer(short.url, shortAgent);
      clients.push(s.agent, s.customer);
      // The number was used: it stays valid. A fresh, unused one expires.
      const { token } = await login(short.url, shortAgent);
      const fresh = await postJson<{ session: { number: string } }>(short.url, ROUTES.sessions, {}, token);
      if (!fresh.body.ok) throw new Error('create failed');
      const number = fresh.body.data.session.number;
      // Poll the store, not the join route: a successful join would keep the number.
      await waitFor('the unused number to expire', async () => (await short.app.services.store.findSessionIdByNumber(number)) === null || undefined, {
        timeoutMs: 10_000,
        intervalMs: 200,
      });
      expect(await postJson(short.url, ROUTES.join, { sessionNumber: number, displayName: 'Late' })).toMatchObject({ status: 404 });
      const used = await postJson(short.url, ROUTES.join, { sessionNumber: s.created.session.number, displayName: 'Second' });
      expect(used.status).toBe(200);
    } finally {
      await short.close();
    }
  });
});
