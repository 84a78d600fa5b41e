import { rtpParameters as rtp } from '../support/rtp-parameters';
import { TestClient, admitAnotherCustomer, newAgent, startSessionWithCustomer } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/** Issue 7 §3, server side: a fault loses media, never the consent; clients are told to rebuild. */
describe('media faults: worker death, lost connections, resume', () => {
  const world = useTestServer();

  /** A session whose customer shares their screen under a granted "view desktop" consent. */
  async function sharing() {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN), 'Ada');
    world.clients.push(s.agent, s.customer);
    const asked = await s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId });
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: asked.id, granted: true });
    const screen = await shareScreen(s.customer, s.sessionId);
    return { ...s, consentId: asked.id, screen };
  }
  async function shareScreen(customer: TestClient, sessionId: string) {
    const transport = await customer.call('media:create-transport', { sessionId, direction: 'send' });
    const { producerId } = await customer.call('media:produce', { sessionId, transportId: transport.id, kind: 'video', source: 'screen', rtpParameters: rtp('video') });
    return { transportId: transport.id, producerId };
  }
  const statusOf = async (sessionId: string, consentId: string) =>
    (await world.server.app.services.consents.list(sessionId)).find((c) => c.id === consentId)?.status;

  it('a killed worker: the session moves to a new router, everyone is told to rebuild, the grant stays', async () => {
    const s = await sharing();
    const rooms = world.server.app.services.rooms;
    const deadPid = (await rooms.peek(s.sessionId))!.workerPid;

    process.kill(deadPid, 'SIGKILL');

    const closed = await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === s.screen.producerId);
    expect(closed.reason).toBe('lost');
    await s.agent.waitForEvent('media:reset', (e) => e.sessionId === s.sessionId);
    await s.customer.waitForEvent('media:reset', (e) => e.sessionId === s.sessionId);
    const room = await rooms.peek(s.sessionId);
    expect(room?.workerPid).not.toBe(deadPid);
    expect(room?.listProducers()).toEqual([]);
    expect(await statusOf(s.sessionId, s.consentId)).toBe('granted');

    // The customer's page sends the same capture again: allowed by the same grant, no new request.
    const again = await shareScreen(s.customer, s.sessionId);
    await s.agent.waitForEvent('media:producer-added', (p) => p.producerId === again.producerId && p.source === 'screen');
    expect((await world.server.app.services.consents.list(s.sessionId)).map((c) => c.status)).toEqual(['granted']);
  });

  it('ICE restart and release apply to my own transports only; an unknown one is MEDIA_NOT_FOUND', async () => {
    const s = await sharing();
    const restarted = await s.customer.call('media:restart-ice', { sessionId: s.sessionId, transportId: s.screen.transportId });
    expect(restarted.iceParameters).toMatchObject({ usernameFragment: expect.any(String), password: expect.any(String) });
    expect(await s.agent.request('media:restart-ice', { sessionId: s.sessionId, transportId: s.screen.transportId })).toMatchObject({
      ok: false, error: { code: 'MEDIA_NOT_FOUND' },
    });

    // A client that drops a transport to rebuild releases it: closed on the server, what it carried lost (not stopped).
    await s.agent.call('media:release', { sessionId: s.sessionId, transportIds: [s.screen.transportId] });
    expect(await world.server.app.services.rooms.peek(s.sessionId).then((room) => room?.listProducers())).toHaveLength(1);
    await s.customer.call('media:release', { sessionId: s.sessionId, transportIds: [s.screen.transportId] });
    const closed = await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === s.screen.producerId);
    expect(closed.reason).toBe('lost');
    expect(await statusOf(s.sessionId, s.consentId)).toBe('granted');
  });

  it('a dropped connection keeps the media for the same page: it reconnects, restarts ICE, nothing lost', async () => {
    const s = await sharing();
    s.customer.close();
    await s.agent.waitForEvent('session:participant-updated', (e) => e.participant.id === s.joined.participantId && !e.participant.connected);
    const back = await TestClient.connect(world.server.url, s.joined.token);
    world.clients.push(back);
    await back.call('session:join', { sessionId: s.sessionId });
    await back.call('media:restart-ice', { sessionId: s.sessionId, transportId: s.screen.transportId });
    expect((await world.server.app.services.rooms.peek(s.sessionId))?.listProducers().map((p) => p.producerId)).toEqual([s.screen.producerId]);
    expect(s.agent.received('media:producer-closed')).toEqual([]);
  });

  it('a reloaded page releases what its previous page held: lost, not stopped; leaving the session ends the grant', async () => {
    const s = await sharing();
    s.customer.close();
    const reloaded = await TestClient.connect(world.server.url, s.joined.token);
    world.clients.push(reloaded);
    const snapshot = await reloaded.call('session:join', { sessionId: s.sessionId });
    expect(snapshot.consents.map((c) => c.status)).toEqual(['granted']);
    await reloaded.call('media:release', { sessionId: s.sessionId });
    const closed = await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === s.screen.producerId);
    expect(closed.reason).toBe('lost');
    expect(await statusOf(s.sessionId, s.consentId)).toBe('granted');
    expect(await reloaded.request('media:restart-ice', { sessionId: s.sessionId, transportId: s.screen.transportId })).toMatchObject({
      ok: false, error: { code: 'MEDIA_NOT_FOUND' },
    });
    const again = await shareScreen(reloaded, s.sessionId);
    await s.agent.waitForEvent('media:producer-added', (p) => p.producerId === again.producerId);

    await reloaded.call('session:leave', { sessionId: s.sessionId });
    const stopped = await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === again.producerId);
    expect(stopped.reason).toBe('stopped');
    await waitFor('the grant ended', async () => (await statusOf(s.sessionId, s.consentId)) === 'ended' || undefined);
  });

  it('the customer stopping the share still ends the grant (a stop is not a fault)', async () => {
    const s = await sharing();
    await s.customer.call('share:stop', { sessionId: s.sessionId });
    const closed = await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === s.screen.producerId);
    expect(closed.reason).toBe('stopped');
    await waitFor('the grant ended', async () => (await statusOf(s.sessionId, s.consentId)) === 'ended' || undefined);
  });

  it('share:paused: staff are told the customer must click to resume; only with a granted share, only from the customer', async () => {
    const s = await sharing();
    await s.customer.call('share:paused', { sessionId: s.sessionId, reason: 'reload' });
    const told = await s.agent.waitForEvent('share:paused', (e) => e.sessionId === s.sessionId);
    expect(told).toEqual({ sessionId: s.sessionId, customerId: s.joined.participantId, reason: 'reload' });
    expect(await s.agent.request('share:paused', { sessionId: s.sessionId, reason: 'reload' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const { client: ben } = await admitAnotherCustomer(world.server.url, s.agent, { sessionId: s.sessionId, number: s.created.session.number }, 'Ben');
    world.clients.push(ben);
    expect(await ben.request('share:paused', { sessionId: s.sessionId, reason: 'reload' })).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
    expect(s.customer.received('share:paused')).toEqual([]);
  });
});

describe('media faults: a participant who does not come back', () => {
  const world = useTestServer({ media: { reconnectGraceSeconds: 0.3 } });

  it('past the reconnect grace, their media closes as lost and the grant stays', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN), 'Ada');
    world.clients.push(s.agent);
    const asked = await s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId });
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: asked.id, granted: true });
    const transport = await s.customer.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
    const screen = await s.customer.call('media:produce', { sessionId: s.sessionId, transportId: transport.id, kind: 'video', source: 'screen', rtpParameters: rtp('video') });
    s.customer.close();
    const closed = await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === screen.producerId);
    expect(closed.reason).toBe('lost');
    expect((await world.server.app.services.consents.list(s.sessionId)).map((c) => c.status)).toEqual(['granted']);
  });
});
