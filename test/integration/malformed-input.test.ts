import { LIMITS, ROUTES, clientRequests } from '@rs/signaling';
import type { RequestName } from '@rs/signaling';
import { TestClient, login, newAgent, newSupervisor, postJson, startSessionWithCustomer } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

describe('what the server refuses', () => {
  let server: TestServer;
  let s: Awaited<ReturnType<typeof startSessionWithCustomer>>;
  beforeAll(async () => {
    server = await startTestServer();
    s = await startSessionWithCustomer(server.url, await newAgent(server.url, TEST_ADMIN));
  });
  afterAll(async () => {
    s.agent.close();
    s.customer.close();
    await server.close();
  });

  /** After each refusal the server still answers and nothing changed. */
  async function expectStillServing() {
    const snapshot = await s.agent.call('session:join', { sessionId: s.sessionId });
    expect(snapshot.session.state).toBe('active');
    return snapshot;
  }

  it.each([
    ['a wrong type', 'chat:send', (): unknown => ({ sessionId: s.sessionId, text: 42 })],
    ['a missing field', 'chat:send', (): unknown => ({ sessionId: s.sessionId })],
    ['an oversized string', 'chat:send', (): unknown => ({ sessionId: s.sessionId, text: 'x'.repeat(LIMITS.chatTextLength + 1) })],
    ['an unknown field', 'chat:send', (): unknown => ({ sessionId: s.sessionId, text: 'hi', admin: true })],
    ['a non-uuid session id', 'session:join', (): unknown => ({ sessionId: '../../etc/passwd' })],
    ['not an object', 'consent:ask', (): unknown => 'view-desktop'],
    ['null', 'media:create-transport', (): unknown => null],
    ['a bad enum', 'consent:ask', (): unknown => ({ sessionId: s.sessionId, activity: 'format-disk', customerId: s.joined.participantId })],
  ] as const)('%s gets INVALID_PAYLOAD and changes nothing', async (_what, name, payload) => {
    const before = await expectStillServing();
    expect(await s.agent.raw(name, payload())).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    const after = await expectStillServing();
    expect(after.chat).toEqual(before.chat);
    expect(after.consents).toEqual(before.consents);
  });

  it('media parameters mediasoup refuses get INVALID_PAYLOAD', async () => {
    const transport = await s.agent.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
    const result = await s.agent.raw('media:connect-transport', { sessionId: s.sessionId, transportId: transport.id, dtlsParameters: { nonsense: 1 } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    await expectStillServing();
  });

  it('an unknown event gets UNKNOWN_EVENT', async () => {
    expect(await s.agent.raw('session:destroy-everything', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_EVENT' } });
    await expectStillServing();
  });

  it('a request without an acknowledgement gets a protocol:error event', async () => {
    s.agent.socket.emit('chat:send', { sessionId: s.sessionId, text: 'no ack' });
    await waitFor('protocol:error', () => s.agent.events.find((e) => e.name === 'protocol:error'));
    const snapshot = await expectStillServing();
    expect(snapshot.chat.some((m) => m.text === 'no ack')).toBe(false);
  });

  it('every event declares its roles; each is refused with FORBIDDEN to every other role, before validation or any rule', async () => {
    const supervisor = await TestClient.connect(server.url, (await login(server.url, await newSupervisor(server.url))).token);
    const callers = { agent: s.agent, customer: s.customer, supervisor };
    let refusals = 0;
    for (const name of Object.keys(clientRequests) as RequestName[]) {
      const allowed = clientRequests[name].roles as readonly string[];
      for (const [role, client] of Object.entries(callers)) {
        if (allowed.includes(role)) continue;
        refusals++;
        expect({ name, role, result: await client.raw(name, { sessionId: s.sessionId }) }).toMatchObject({
          name, role, result: { ok: false, error: { code: 'FORBIDDEN' } },
        });
      }
    }
    expect(refusals).toBeGreaterThan(10);
    supervisor.close();
    await expectStillServing();
  });

  it('an admin token cannot open a socket (admins manage accounts over REST)', async () => {
    const admin = await login(server.url, TEST_ADMIN);
    await expect(TestClient.connect(server.url, admin.token)).rejects.toThrow('FORBIDDEN');
  });

  it('a socket with a bad token or an old protocol version is refused at connect', async () => {
    await expect(TestClient.connect(server.url, 'forged.token')).rejects.toThrow('UNAUTHENTICATED');
    await expect(TestClient.connect(server.url, s.joined.token, 0)).rejects.toThrow('VERSION_MISMATCH');
  });

  it('REST: malformed bodies, wrong numbers, missing and wrong credentials get clear codes', async () => {
    expect(await postJson(server.url, ROUTES.join, { sessionNumber: '12345', displayName: 'x' })).toMatchObject({
      status: 400, body: { ok: false, error: { code: 'INVALID_PAYLOAD' } },
    });
    expect(await postJson(server.url, ROUTES.join, { sessionNumber: '000000000', displayName: 'x' })).toMatchObject({
      status: 404, body: { ok: false, error: { code: 'SESSION_NOT_FOUND' } },
    });
    expect(await postJson(server.url, ROUTES.sessions, {})).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED' } } });
    expect(await postJson(server.url, ROUTES.sessions, {}, s.joined.token)).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    expect(await postJson(server.url, ROUTES.login, { username: 'admin', password: 'wrong-password' })).toMatchObject({
      status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } },
    });
    const response = await fetch(`${server.url}${ROUTES.join}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
