import { LIMITS, ROUTES, clientRequests } from '@rs/signaling';
import type { RequestName } from '@rs/signaling';
import { TestClient, postJson, startSessionWithCustomer } from '../support/signaling-client';
import { startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

describe('what the server refuses', () => {
  let server: TestServer;
  let s: Awaited<ReturnType<typeof startSessionWithCustomer>>;
  beforeAll(async () => {
    server = await startTestServer();
    s = await startSessionWithCustomer(server.url);
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

  it('every agent-only event is refused to a customer token with FORBIDDEN, before any rule runs', async () => {
    const agentOnly = (Object.keys(clientRequests) as RequestName[]).filter(
      (name) => !(clientRequests[name].roles as readonly string[]).includes('customer'),
    );
    expect(agentOnly.length).toBeGreaterThan(0);
    for (const name of agentOnly) {
      // A well-formed payload, so the refusal can only come from the role check.
      const payload = name === 'consent:ask'
        ? { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId }
        : name === 'agent:sessions' ? {} : { sessionId: s.sessionId };
      expect({ name, result: await s.customer.raw(name, payload) }).toMatchObject({ name, result: { ok: false, error: { code: 'FORBIDDEN' } } });
    }
    await expectStillServing();
  });

  it('a customer-only event is refused to the agent', async () => {
    const result = await s.agent.raw('consent:answer', { sessionId: s.sessionId, requestId: s.sessionId, granted: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
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
    expect(await postJson(server.url, ROUTES.agentLogin, { username: 'agent', password: 'wrong' })).toMatchObject({
      status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } },
    });
    const response = await fetch(`${server.url}${ROUTES.join}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });
});
