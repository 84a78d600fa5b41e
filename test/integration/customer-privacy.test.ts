import { rtpParameters as rtp } from '../support/rtp-parameters';
import { admitAnotherCustomer, newAgent, startSessionWithCustomer } from '../support/signaling-client';
import type { TestClient } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

/**
 * Privacy between customers of one session (R10.5 / issue: "no customer reads another's
 * conversation"): a customer who joins later reads nothing said before, and does not
 * receive another customer's screen unless the site allows it.
 */
async function earlierConversationThenScreen(server: TestServer, clients: { close(): void }[], screenAfterBenJoins = false) {
  const url = server.url;
  const s = await startSessionWithCustomer(url, await newAgent(url, TEST_ADMIN), 'Ada');
  clients.push(s.agent, s.customer);
  await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'Ada, your account number is 4711' });
  await s.customer.call('chat:send', { sessionId: s.sessionId, text: 'thanks, my password hint is blue' });
  const share = async () => {
    const asked = await s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId });
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: asked.id, granted: true });
    const transport = await s.customer.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
    return s.customer.call('media:produce', { sessionId: s.sessionId, transportId: transport.id, kind: 'video', source: 'screen', rtpParameters: rtp('video') });
  };
  const early = screenAfterBenJoins ? null : await share();
  const { client: ben, snapshot: benSnapshot } = await admitAnotherCustomer(url, s.agent, { sessionId: s.sessionId, number: s.created.session.number }, 'Ben');
  clients.push(ben);
  const screen = early ?? (await share());
  return { ...s, ben, benSnapshot, screen };
}

async function consumeAs(client: TestClient, sessionId: string, producerId: string) {
  const { rtpCapabilities } = await client.call('media:capabilities', { sessionId });
  const transport = await client.call('media:create-transport', { sessionId, direction: 'recv' });
  return client.request('media:consume', { sessionId, transportId: transport.id, producerId, rtpCapabilities });
}

describe('privacy between customers (default site settings)', () => {
  const world = useTestServer();

  it('a customer who joins later reads nothing said before; what is said after reaches everyone', async () => {
    const s = await earlierConversationThenScreen(world.server, world.clients);
    expect(s.benSnapshot.chat).toEqual([]);
    await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'Welcome Ben' });
    await s.ben.waitForEvent('chat:message', (m) => m.text === 'Welcome Ben');
    const again = await s.ben.call('session:join', { sessionId: s.sessionId });
    expect(again.chat.map((m) => m.text)).toEqual(['Welcome Ben']);
    const agentView = await s.agent.call('session:join', { sessionId: s.sessionId });
    expect(agentView.chat.map((m) => m.text)).toEqual(['Ada, your account number is 4711', 'thanks, my password hint is blue', 'Welcome Ben']);
    // Ada, who was there, keeps her history after a reload.
    expect((await s.customer.call('session:join', { sessionId: s.sessionId })).chat).toHaveLength(3);
  });

  it('another customer neither learns of nor receives a customer\'s screen; the agent does', async () => {
    const s = await earlierConversationThenScreen(world.server, world.clients);
    expect(s.benSnapshot.producers.map((p) => p.producerId)).not.toContain(s.screen.producerId);
    expect(await consumeAs(s.ben, s.sessionId, s.screen.producerId)).toMatchObject({ ok: false, error: { code: 'MEDIA_NOT_FOUND' } });
    expect(await consumeAs(s.agent, s.sessionId, s.screen.producerId)).toMatchObject({ ok: true });
  });

  it('a screen shared after the other customer joined is not announced to them (the agent is told)', async () => {
    const s = await earlierConversationThenScreen(world.server, world.clients, true);
    await s.agent.waitForEvent('media:producer-added', (p) => p.producerId === s.screen.producerId);
    await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'sync' });
    await s.ben.waitForEvent('chat:message', (m) => m.text === 'sync');
    expect(s.ben.received('media:producer-added').map((p) => p.producerId)).not.toContain(s.screen.producerId);
    expect(await consumeAs(s.ben, s.sessionId, s.screen.producerId)).toMatchObject({ ok: false, error: { code: 'MEDIA_NOT_FOUND' } });
  });
});

describe('privacy between customers (CUSTOMERS_SEE_OTHER_CUSTOMERS_SCREENS=true)', () => {
  const world = useTestServer({ customersSeeOtherCustomersScreens: true });

  it('the site setting lets the other customer receive the screen (the earlier chat stays private)', async () => {
    const s = await earlierConversationThenScreen(world.server, world.clients);
    expect(s.benSnapshot.chat).toEqual([]);
    expect(s.benSnapshot.producers.map((p) => p.producerId)).toContain(s.screen.producerId);
    expect(await consumeAs(s.ben, s.sessionId, s.screen.producerId)).toMatchObject({ ok: true });
  });
});
