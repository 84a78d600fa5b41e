import { ROUTES } from '@rs/signaling';
import type { CustomerJoinResponse } from '@rs/signaling';
import { TestClient, login, newAgent, postJson, startSessionWithCustomer, unwrap } from '../support/signaling-client';
import { rtpParameters } from '../support/rtp-parameters';
import { TEST_ADMIN, useTestServer } from '../support/test-server';

/** No stuck or ghost states: unsupported answers, cancelling a request, rejoining, removing a ghost, the screen limit under a race. */
describe('stuck and ghost states', () => {
  const world = useTestServer();

  const session = async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(s.agent, s.customer);
    return s;
  };
  type Session = Awaited<ReturnType<typeof session>>;
  const askView = (s: Session) => s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId });
  const auditActions = async (sessionId: string) => (await world.server.app.services.store.listAudit(sessionId)).map((a) => a.action);
  const assistant = async (s: Session) => {
    const client = await TestClient.connect(world.server.url, (await login(world.server.url, await newAgent(world.server.url, TEST_ADMIN))).token);
    world.clients.push(client);
    await client.call('session:assist', { sessionNumber: s.created.session.number });
    return client;
  };
  const join = async (s: Session, displayName: string, customerKey?: string) =>
    unwrap(await postJson<CustomerJoinResponse>(world.server.url, ROUTES.join, { sessionNumber: s.created.session.number, displayName, ...(customerKey ? { customerKey } : {}) }));
  const connectCustomer = async (s: Session, token: string) => {
    const client = await TestClient.connect(world.server.url, token);
    world.clients.push(client);
    await client.call('session:join', { sessionId: s.sessionId });
    return client;
  };

  it('a customer whose browser cannot do it answers "unsupported": the agent is told, the ledger records it', async () => {
    const s = await session();
    const asked = await askView(s);
    const answer = { sessionId: s.sessionId, requestId: asked.id, granted: true, unsupported: true };
    expect(await s.customer.request('consent:answer', answer)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(await s.customer.call('consent:answer', { ...answer, granted: false })).toMatchObject({ status: 'unsupported' });
    await s.agent.waitForEvent('consent:updated', (c) => c.id === asked.id && c.status === 'unsupported');
    expect(await s.customer.request('consent:answer', { ...answer, granted: true, unsupported: false })).toMatchObject({ ok: false, error: { code: 'CONSENT_ALREADY_ANSWERED' } });
    expect(await auditActions(s.sessionId)).toContain('consent:unsupported');
    // Nothing was granted: no screen can be published under it.
    const transport = await s.customer.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
    expect(await s.customer.request('media:produce', { sessionId: s.sessionId, transportId: transport.id, kind: 'video', source: 'screen', rtpParameters: rtpParameters('video') }))
      .toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
  });

  it('the agent in control cancels a pending request, and only a pending one; the customer is told', async () => {
    const s = await session();
    const helper = await assistant(s);
    const asked = await askView(s);
    const cancel = { sessionId: s.sessionId, requestId: asked.id };
    expect(await helper.request('consent:cancel', cancel)).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
    expect(await s.customer.request('consent:cancel', cancel)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.agent.request('consent:cancel', { ...cancel, requestId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'CONSENT_NOT_FOUND' } });

    expect(await s.agent.call('consent:cancel', cancel)).toMatchObject({ id: asked.id, status: 'cancelled' });
    await s.customer.waitForEvent('consent:updated', (c) => c.id === asked.id && c.status === 'cancelled');
    expect(await s.agent.request('consent:cancel', cancel)).toMatchObject({ ok: false, error: { code: 'CONSENT_ALREADY_ANSWERED' } });
    expect(await s.customer.request('consent:answer', { ...cancel, granted: true })).toMatchObject({ ok: false, error: { code: 'CONSENT_ALREADY_ANSWERED' } });
    expect(await auditActions(s.sessionId)).toContain('consent:cancelled');

    // A granted request is not pending any more: it cannot be cancelled (stopping the share ends it).
    const again = await askView(s);
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: again.id, granted: true });
    expect(await s.agent.request('consent:cancel', { ...cancel, requestId: again.id })).toMatchObject({ ok: false, error: { code: 'CONSENT_ALREADY_ANSWERED' } });
  });

  it('a customer rejoining with the same browser key takes back their entry; other keys and no key add one', async () => {
    const s = await session();
    const key = 'k'.repeat(20) + Math.random().toString(36).slice(2);
    const first = await join(s, 'Robin', key);
    const tab1 = await connectCustomer(s, first.token);
    tab1.close();
    await s.agent.waitForEvent('session:participant-updated', (e) => e.participant.id === first.participantId && !e.participant.connected);

    const second = await join(s, 'Robin B.', key);
    expect(second.participantId).toBe(first.participantId);
    const tab2 = await connectCustomer(s, second.token);
    await s.agent.waitForEvent('session:participant-updated', (e) => e.participant.id === first.participantId && e.participant.connected && e.participant.displayName === 'Robin B.');
    expect((await join(s, 'Robin', `other-${key}`)).participantId).not.toBe(first.participantId);
    expect((await join(s, 'Robin')).participantId).not.toBe(first.participantId);

    const snapshot = await s.agent.call('session:join', { sessionId: s.sessionId });
    expect(snapshot.participants.filter((p) => p.id === first.participantId)).toHaveLength(1);
    expect(snapshot.participants.filter((p) => p.role === 'customer')).toHaveLength(4);
    expect(await auditActions(s.sessionId)).toContain('participant:rejoined');
    // The key (or its hash) never reaches a client.
    const seen = JSON.stringify([snapshot, s.agent.events, tab2.events]);
    expect(seen).not.toContain(key);
    expect(seen).not.toContain('customerKey');
    // Keys are bounded and plain.
    expect(await postJson(world.server.url, ROUTES.join, { sessionNumber: s.created.session.number, displayName: 'X', customerKey: 'short' })).toMatchObject({ status: 400 });
  });

  it('the agent in control removes a participant who is disconnected, not one who is connected', async () => {
    const s = await session();
    const helper = await assistant(s);
    const remove = { sessionId: s.sessionId, participantId: s.joined.participantId };
    expect(await s.agent.request('session:remove-participant', remove)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    s.customer.close();
    await s.agent.waitForEvent('session:participant-updated', (e) => e.participant.id === s.joined.participantId && !e.participant.connected);
    expect(await helper.request('session:remove-participant', remove)).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
    expect(await s.agent.request('session:remove-participant', { ...remove, participantId: s.agentSnapshot.self.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.agent.request('session:remove-participant', { ...remove, participantId: '00000000-0000-4000-8000-000000000000' }))
      .toMatchObject({ ok: false, error: { code: 'PARTICIPANT_NOT_FOUND' } });

    await s.agent.call('session:remove-participant', remove);
    const left = await helper.waitForEvent('session:participant-left', (e) => e.participant.id === s.joined.participantId);
    expect(left.participant.leftAt).not.toBeNull();
    expect(await auditActions(s.sessionId)).toContain('participant:removed');
    // The removed customer's old tab cannot come back with its token.
    const stale = await TestClient.connect(world.server.url, s.joined.token);
    world.clients.push(stale);
    expect(await stale.request('session:join', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SESSION' } });
  });

  it('concurrent screen produces under one grant publish at most the limit (2), never more', async () => {
    const s = await session();
    const asked = await askView(s);
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: asked.id, granted: true });
    const transport = await s.customer.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
    // Distinct MIDs on one transport, as a browser sending several tracks would use.
    const produce = (mid: number) => s.customer.request('media:produce', {
      sessionId: s.sessionId, transportId: transport.id, kind: 'video', source: 'screen', rtpParameters: { ...rtpParameters('video'), mid: String(mid) },
    });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => produce(i)));
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code))).toEqual(Array(4).fill('CONSENT_REQUIRED'));
    const screens = (await world.server.app.services.rooms.peek(s.sessionId))?.listProducers().filter((p) => p.source === 'screen') ?? [];
    expect(screens).toHaveLength(2);
  });
});
