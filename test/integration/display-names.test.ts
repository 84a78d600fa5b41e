import { ROUTES } from '@rs/signaling';
import type { AccountProfile, CustomerJoinResponse } from '@rs/signaling';
import { TestClient, login, newAgent, postJson, startSessionWithCustomer, unwrap } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';

/** Names cannot spoof what others read: bidi and control characters are gone before anything is stored. */
describe('display names', () => {
  const world = useTestServer();

  it('a customer joining as "\\u202Eevil" is stored and announced as "evil"', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(s.agent, s.customer);
    const joined = unwrap(await postJson<CustomerJoinResponse>(world.server.url, ROUTES.join, {
      sessionNumber: s.created.session.number, displayName: '\u202Eevil\u2066 \u200Fname\u0007',
    }));
    const stored = await world.server.app.services.store.getParticipant(s.sessionId, joined.participantId);
    expect(stored?.displayName).toBe('evil name');
    const announced = await s.agent.waitForEvent('session:participant-joined', (e) => e.participant.id === joined.participantId);
    expect(announced.participant.displayName).toBe('evil name');

    const client = await TestClient.connect(world.server.url, joined.token);
    world.clients.push(client);
    expect((await client.call('session:join', { sessionId: s.sessionId })).self.displayName).toBe('evil name');
    await s.agent.call('session:admit', { sessionId: s.sessionId, participantId: joined.participantId, admit: true });
    const sent = await client.call('chat:send', { sessionId: s.sessionId, text: 'hi' });
    expect(sent.fromName).toBe('evil name');
  });

  it('a name made only of invisible characters is refused', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(s.agent, s.customer);
    const refused = await postJson(world.server.url, ROUTES.join, { sessionNumber: s.created.session.number, displayName: '\u202E\u200B\u2066 ' });
    expect(refused).toMatchObject({ status: 400, body: { ok: false, error: { code: 'INVALID_PAYLOAD' } } });
  });

  it('account names are cleaned the same way', async () => {
    const { token } = await login(world.server.url, TEST_ADMIN);
    const created = unwrap(await postJson<AccountProfile>(world.server.url, ROUTES.accounts, {
      username: `rtl${Date.now() % 100000}`, displayName: 'Ann\u202E nimda', role: 'agent', password: 'agent-password-1', maxSessions: 1,
    }, token));
    expect(created.displayName).toBe('Ann nimda');
  });
});
