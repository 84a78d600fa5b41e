import { TestClient, admitAnotherCustomer, newAgent, startSessionWithCustomer } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';

/**
 * Issue 7 §5: after a crash the store may still say a participant is connected
 * though their page never came back. Once someone joins the session on this
 * node, such an entry is shown disconnected after the reconnect grace; a
 * participant whose connection is here stays connected.
 */
describe('stale presence after a restart', () => {
  const world = useTestServer({ media: { reconnectGraceSeconds: 1 } } as never);

  it('a participant marked connected with no connection left is shown disconnected after the grace, others stay', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN), 'Ghost');
    world.clients.push(s.agent);
    const { client: presentClient, joined: present } = await admitAnotherCustomer(world.server.url, s.agent, { sessionId: s.sessionId, number: s.created.session.number }, 'Present');
    world.clients.push(presentClient);

    const { store } = world.server.app.services;
    const ghostId = s.joined.participantId;
    s.customer.close();
    await s.agent.waitForEvent('session:participant-updated', (e) => e.participant.id === ghostId && !e.participant.connected);
    // What a killed process leaves behind: the store still says "connected".
    const ghost = await store.getParticipant(s.sessionId, ghostId);
    await store.putParticipant(s.sessionId, { ...ghost!, connected: true });

    const rejoined = await TestClient.connect(world.server.url, s.signedIn.token);
    world.clients.push(rejoined);
    const snapshot = await rejoined.call('session:join', { sessionId: s.sessionId });
    expect(snapshot.participants.find((p) => p.id === ghostId)?.connected).toBe(true);

    const updated = await rejoined.waitForEvent('session:participant-updated', (e) => e.participant.id === ghostId);
    expect(updated.participant.connected).toBe(false);
    expect((await store.getParticipant(s.sessionId, ghostId))?.connected).toBe(false);
    expect((await store.getParticipant(s.sessionId, present.participantId))?.connected).toBe(true);
  });
});
