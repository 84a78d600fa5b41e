import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { HELPER_TRAILER_MAGIC, ROUTES } from '@rs/signaling';
import type { ControlStateEvent, SessionRecordResponse } from '@rs/signaling';
import { HelperPeer, helperRefusal } from '../support/helper-peer';
import { TestClient, login, newAgent, newSupervisor, startSessionWithCustomer } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { startRedisServer } from '../support/redis-server';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

const PAUSE_MS = 400;
const CLICK = { t: 'button', button: 'left', down: true, x: 0.25, y: 0.75 } as const;

describe.each(['memory', 'redis'] as const)('remote control (%s store)', (storeKind) => {
  let server: TestServer;
  let redis: Awaited<ReturnType<typeof startRedisServer>> | undefined;
  let binaryDir: string;
  let supervisorAccount: Credentials;
  let agentAccount: Credentials;
  const closables: { close(): void }[] = [];

  beforeAll(async () => {
    redis = storeKind === 'redis' ? await startRedisServer() : undefined;
    binaryDir = await mkdtemp(path.join(os.tmpdir(), 'helper-bin-'));
    await writeFile(path.join(binaryDir, 'helper'), Buffer.from('#!fake-helper-binary\n'));
    server = await startTestServer({ redisUrl: redis?.url, localInputPauseMs: PAUSE_MS, helperBinary: path.join(binaryDir, 'helper') });
    expect(server.app.services.store.kind).toBe(storeKind);
    supervisorAccount = await newSupervisor(server.url);
    agentAccount = await newAgent(server.url, TEST_ADMIN, 20, 'Ann Agent', (supervisorAccount as unknown as { id: string }).id);
  });
  afterEach(() => closables.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
    await rm(binaryDir, { recursive: true, force: true });
  });

  async function session() {
    const s = await startSessionWithCustomer(server.url, agentAccount);
    closables.push(s.agent, s.customer);
    return s;
  }
  type Session = Awaited<ReturnType<typeof session>>;

  async function connect(who: Credentials): Promise<TestClient> {
    const client = await TestClient.connect(server.url, (await login(server.url, who)).token);
    closables.push(client);
    return client;
  }

  const stateOf = (client: TestClient, match: (e: ControlStateEvent) => boolean) => client.waitForEvent('control:state', match);

  /** Agent asks, customer grants; returns the pairing code the customer's page shows. */
  async function grantControl(s: Session): Promise<string> {
    const asked = await s.agent.call('control:request', { sessionId: s.sessionId, customerId: s.joined.participantId });
    if (asked.state === 'asked') {
      const prompt = await s.customer.waitForEvent('consent:prompt', (p) => p.activity === 'control-desktop' && p.status === 'pending');
      await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: prompt.id, granted: true });
    }
    const paired = await stateOf(s.customer, (e) => e.state === 'pairing' && e.pairing !== undefined);
    return paired.pairing?.code ?? '';
  }

  async function activeHelper(s: Session, code?: string): Promise<HelperPeer> {
    const helper = await HelperPeer.connect(server.url, { code: code ?? (await grantControl(s)) });
    closables.push(helper);
    await helper.ready();
    await stateOf(s.agent, (e) => e.state === 'active' && e.helperConnected);
    return helper;
  }

  const input = (client: TestClient, sessionId: string, event: object = CLICK) => client.request('control:input', { sessionId, input: event });

  it('has no input path without a grant: input is refused and no code pairs a helper', async () => {
    const s = await session();
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
    expect(await helperRefusal(server.url, { code: '123456789' })).toBe('PAIRING_INVALID');
    expect(await helperRefusal(server.url, { resumeToken: 'x'.repeat(32) })).toBe('PAIRING_INVALID');
    expect(await helperRefusal(server.url, { nonsense: true } as never)).toBe('PAIRING_INVALID');
    await s.agent.call('control:request', { sessionId: s.sessionId, customerId: s.joined.participantId });
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
    const prompt = await s.customer.waitForEvent('consent:prompt', (p) => p.activity === 'control-desktop');
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: prompt.id, granted: true });
    const code = (await stateOf(s.customer, (e) => e.pairing !== undefined)).pairing?.code;
    expect(code).toMatch(/^\d{9}$/);
    // Granted but no helper yet: still nothing to send to.
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
    // Only the target's copy carries the code.
    expect((await stateOf(s.agent, (e) => e.state === 'pairing')).pairing).toBeUndefined();
  });

  it('relays the controller’s input once granted, only theirs, and stop closes the helper within the round trip', async () => {
    const s = await session();
    const helper = await activeHelper(s);
    expect(await helper.waitFor('control:state', (p: { state: string }) => p.state === 'active')).toMatchObject({ controllerName: 'Ann Agent' });
    expect(await input(s.agent, s.sessionId)).toEqual({ ok: true, data: {} });
    await input(s.agent, s.sessionId, { t: 'text', text: 'Hé! @#' });
    await waitFor('two inputs at the helper', () => helper.received('input').length === 2);
    expect(helper.received('input')).toEqual([CLICK, { t: 'text', text: 'Hé! @#' }]);

    const assistant = await connect(await newAgent(server.url, TEST_ADMIN, 3, 'Ass'));
    await assistant.call('session:assist', { sessionNumber: s.created.session.number });
    const supervisor = await connect(supervisorAccount);
    await supervisor.call('session:watch', { sessionId: s.sessionId });
    for (const other of [s.customer, assistant, supervisor]) {
      expect(await input(other, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
    }
    expect(await s.agent.request('control:input', { sessionId: s.sessionId, input: { t: 'move', x: 2, y: 0 } })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(helper.received('input')).toHaveLength(2);

    const sentAt = Date.now();
    expect(await s.customer.call('control:stop', { sessionId: s.sessionId })).toEqual({});
    const answeredAt = Date.now();
    const closedAt = await helper.waitForDisconnect();
    expect(closedAt - sentAt).toBeLessThanOrEqual(answeredAt - sentAt + 50);
    expect(helper.received('helper:end')).toEqual([{ reason: 'stopped' }]);
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
    await stateOf(s.agent, (e) => e.state === 'idle' && e.endReason === 'stopped');

    const record = await fetch(`${server.url}${ROUTES.sessionRecord(s.sessionId)}`, { headers: { authorization: `Bearer ${s.signedIn.token}` } });
    const body = (await record.json()) as { data: SessionRecordResponse };
    const actions = body.data.audit.map((a) => a.action).filter((a) => a.startsWith('control:'));
    expect(actions).toEqual(['control:requested', 'control:granted', 'control:started', 'control:stopped']);
    expect(body.data.audit.find((a) => a.action === 'control:stopped')?.actor).toBe(s.joined.participantId);
    expect(JSON.stringify(body.data)).not.toContain('@#');
  });

  it('pairing codes are single use; a resume token reconnects while the grant lives', async () => {
    const s = await session();
    const code = await grantControl(s);
    const helper = await HelperPeer.connect(server.url, { code });
    closables.push(helper);
    const token = await helper.ready();
    expect(await helperRefusal(server.url, { code })).toBe('PAIRING_INVALID');
    helper.close();
    await stateOf(s.agent, (e) => e.state === 'active' && !e.helperConnected);
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'HELPER_UNAVAILABLE' } });
    const resumed = await HelperPeer.connect(server.url, { resumeToken: token });
    closables.push(resumed);
    await stateOf(s.agent, (e) => e.state === 'active' && e.helperConnected);
    await input(s.agent, s.sessionId);
    await resumed.waitFor('input');
    await s.agent.call('control:stop', { sessionId: s.sessionId });
    await resumed.waitForDisconnect();
    expect(await helperRefusal(server.url, { resumeToken: token })).toBe('PAIRING_INVALID');
  });

  it('consent:revoke (and so revoking grant all) stops control and closes the helper', async () => {
    const s = await session();
    // Grant all first: the control request then needs no prompt.
    const view = await s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'system-info', customerId: s.joined.participantId });
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: view.id, granted: true, grantAll: true });
    const asked = await s.agent.call('control:request', { sessionId: s.sessionId, customerId: s.joined.participantId });
    expect(asked.state).toBe('pairing');
    expect(s.customer.received('consent:prompt').filter((p) => p.activity === 'control-desktop')).toEqual([]);
    const helper = await activeHelper(s, (await stateOf(s.customer, (e) => e.pairing !== undefined)).pairing?.code);
    await s.customer.call('consent:revoke', { sessionId: s.sessionId });
    await helper.waitForDisconnect();
    expect(helper.received('helper:end')).toEqual([{ reason: 'revoked' }]);
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
    await stateOf(s.customer, (e) => e.state === 'idle' && e.endReason === 'revoked');
  });

  it('a denied request never pairs', async () => {
    const s = await session();
    await s.agent.call('control:request', { sessionId: s.sessionId, customerId: s.joined.participantId });
    const prompt = await s.customer.waitForEvent('consent:prompt', (p) => p.activity === 'control-desktop');
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: prompt.id, granted: false });
    await stateOf(s.agent, (e) => e.state === 'idle' && e.endReason === 'denied');
    expect(s.customer.received('control:state').some((e) => e.pairing)).toBe(false);
  });

  it('transfer of control to an assistant, and a supervisor take-over, end control', async () => {
    const s = await session();
    const helper = await activeHelper(s);
    const assistant = await connect(await newAgent(server.url, TEST_ADMIN, 3, 'Ass'));
    const assisted = await assistant.call('session:assist', { sessionNumber: s.created.session.number });
    await s.agent.call('session:transfer-control', { sessionId: s.sessionId, toParticipantId: assisted.self.id });
    await helper.waitForDisconnect();
    expect(helper.received('helper:end')).toEqual([{ reason: 'transferred' }]);
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
    expect(await input(assistant, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });

    // The new agent in control asks again; a supervisor takes over: ended again.
    const again = await HelperPeer.connect(server.url, {
      code: await (async () => {
        await assistant.call('control:request', { sessionId: s.sessionId, customerId: s.joined.participantId });
        const prompt = await s.customer.waitForEvent('consent:prompt', (p) => p.activity === 'control-desktop' && p.requestedBy === assisted.self.id);
        await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: prompt.id, granted: true });
        const e = await stateOf(s.customer, (st) => st.state === 'pairing' && st.controllerId === assisted.self.id && st.pairing !== undefined);
        return e.pairing?.code ?? '';
      })(),
    });
    closables.push(again);
    await stateOf(assistant, (e) => e.state === 'active' && e.helperConnected);
    const supervisor = await connect(supervisorAccount);
    await supervisor.call('session:watch', { sessionId: s.sessionId });
    await supervisor.call('session:take-over', { sessionId: s.sessionId });
    await again.waitForDisconnect();
    expect(again.received('helper:end')).toEqual([{ reason: 'transferred' }]);
  });

  it('annotation mode pauses control until it ends; local input pauses it for the pause interval', async () => {
    const s = await session();
    const helper = await activeHelper(s);
    const assistant = await connect(await newAgent(server.url, TEST_ADMIN, 3, 'Ass'));
    await assistant.call('session:assist', { sessionNumber: s.created.session.number });
    // An assistant does not annotate, so cannot pause control that way.
    expect(await assistant.request('annotation:mode', { sessionId: s.sessionId, active: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await input(s.agent, s.sessionId)).toEqual({ ok: true, data: {} });
    await s.customer.call('annotation:mode', { sessionId: s.sessionId, active: true });
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_PAUSED' } });
    await stateOf(s.agent, (e) => e.state === 'paused' && e.pausedReason === 'annotation');
    await helper.waitFor('control:state', (p: { state: string; pausedReason: string }) => p.state === 'paused' && p.pausedReason === 'annotation');
    await s.customer.call('annotation:mode', { sessionId: s.sessionId, active: false });
    expect(await input(s.agent, s.sessionId)).toEqual({ ok: true, data: {} });

    helper.emit('local-input');
    const paused = await stateOf(s.customer, (e) => e.state === 'paused' && e.pausedReason === 'local-input');
    expect(paused.resumesAt).toBeGreaterThan(Date.now() - 100);
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_PAUSED' } });
    const pausedSeen = s.agent.received('control:state').length;
    await waitFor('control to resume', () => s.agent.received('control:state').slice(pausedSeen).find((e) => e.state === 'active'), { timeoutMs: PAUSE_MS * 5 });
    expect(await input(s.agent, s.sessionId)).toEqual({ ok: true, data: {} });
    await waitFor('inputs after the pauses', () => helper.received('input').length === 3);
    const record = await fetch(`${server.url}${ROUTES.sessionRecord(s.sessionId)}`, { headers: { authorization: `Bearer ${s.signedIn.token}` } });
    const audit = ((await record.json()) as { data: SessionRecordResponse }).data.audit;
    expect(audit.filter((a) => a.action === 'control:paused').map((a) => a.subject)).toEqual(['annotation', 'local-input']);
    expect(audit.filter((a) => a.action === 'control:resumed')).toHaveLength(2);
  });

  it('clipboard text goes both ways under the grant, for the controller only', async () => {
    const s = await session();
    const helper = await activeHelper(s);
    await s.agent.call('control:clipboard-write', { sessionId: s.sessionId, text: 'pass: ü€' });
    expect(helper.clipboard).toBe('pass: ü€');
    helper.clipboard = 'from the desktop';
    expect(await s.agent.call('control:clipboard-read', { sessionId: s.sessionId })).toEqual({ text: 'from the desktop' });
    expect(await s.customer.request('control:clipboard-read', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
  });

  it('reverse control: the agent gives control of their screen and the customer drives it', async () => {
    const s = await session();
    expect(await s.customer.request('control:give', { sessionId: s.sessionId, customerId: s.joined.participantId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const given = await s.agent.call('control:give', { sessionId: s.sessionId, customerId: s.joined.participantId });
    expect(given).toMatchObject({ state: 'pairing', direction: 'agent-desktop', controllerId: s.joined.participantId, targetId: s.agentSnapshot.self.id });
    const pairing = await stateOf(s.agent, (e) => e.state === 'pairing' && e.pairing !== undefined);
    expect((await stateOf(s.customer, (e) => e.state === 'pairing')).pairing).toBeUndefined();
    const helper = await HelperPeer.connect(server.url, { code: pairing.pairing?.code ?? '' });
    closables.push(helper);
    await stateOf(s.customer, (e) => e.state === 'active');
    expect(await helper.waitFor('control:state', (p: { state: string }) => p.state === 'active')).toMatchObject({ controllerName: 'Casey' });
    expect(await input(s.customer, s.sessionId)).toEqual({ ok: true, data: {} });
    await helper.waitFor('input');
    expect(await input(s.agent, s.sessionId)).toMatchObject({ ok: false, error: { code: 'CONTROL_NOT_GRANTED' } });
    await s.agent.call('control:stop', { sessionId: s.sessionId });
    await helper.waitForDisconnect();
  });

  it('ending the session ends control', async () => {
    const s = await session();
    const helper = await activeHelper(s);
    await s.agent.call('session:end', { sessionId: s.sessionId });
    await helper.waitForDisconnect();
    expect(helper.received('helper:end')).toEqual([{ reason: 'session-ended' }]);
  });

  it('serves the helper with its pairing trailer without using the code; 404 for unknown codes', async () => {
    const s = await session();
    expect((await fetch(`${server.url}/helper/download/123456789`)).status).toBe(404);
    expect((await fetch(`${server.url}/helper/download/abc`)).status).toBe(404);
    const plain = await fetch(`${server.url}/helper/download`);
    expect(plain.status).toBe(200);
    expect(Buffer.from(await plain.arrayBuffer()).toString()).toBe('#!fake-helper-binary\n');
    const code = await grantControl(s);
    const response = await fetch(`${server.url}/helper/download/${code}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="remote-support-helper"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(bytes.length - 8).toString('ascii')).toBe(HELPER_TRAILER_MAGIC);
    const length = bytes.readUInt32BE(bytes.length - 12);
    const trailer = JSON.parse(bytes.subarray(bytes.length - 12 - length, bytes.length - 12).toString('utf8')) as unknown;
    expect(trailer).toEqual({ serverUrl: server.url, code });
    expect(bytes.subarray(0, bytes.length - 12 - length).toString()).toBe('#!fake-helper-binary\n');
    // Still usable by the helper.
    const helper = await HelperPeer.connect(server.url, { code });
    closables.push(helper);
    expect((await fetch(`${server.url}/helper/download/${code}`)).status).toBe(404);
  });
});

describe('remote control with a short pairing code life and no helper binary', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ pairingCodeTtlSeconds: 0.3, helperBinary: '/nonexistent/helper' });
  });
  afterAll(() => server?.close());

  it('an expired code pairs nothing, a fresh one is issued, and a missing binary is a clear 503', async () => {
    const s = await startSessionWithCustomer(server.url, await newAgent(server.url, TEST_ADMIN));
    try {
      const given = await s.agent.call('control:give', { sessionId: s.sessionId, customerId: s.joined.participantId });
      expect(given.state).toBe('pairing');
      const first = await s.agent.waitForEvent('control:state', (e) => e.pairing !== undefined);
      const second = await s.agent.waitForEvent('control:state', (e) => e.pairing !== undefined && e.pairing.code !== first.pairing?.code);
      expect(await helperRefusal(server.url, { code: first.pairing?.code ?? '' })).toBe('PAIRING_INVALID');
      expect(second.pairing?.expiresAt).toBeGreaterThan(first.pairing?.expiresAt ?? 0);
      const response = await fetch(`${server.url}/helper/download`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, error: { code: 'HELPER_UNAVAILABLE' } });
    } finally {
      s.agent.close();
      s.customer.close();
    }
  });
});
