import { ROUTES } from '@rs/signaling';
import type { SessionRecordResponse } from '@rs/signaling';
import { TestClient, login, newAgent, newSupervisor, postJson, startSessionWithCustomer, unwrap } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { rtpParameters } from '../support/rtp-parameters';
import { TEST_ADMIN, useTestServer } from '../support/test-server';

/** Who may do what, enforced by the server (issue: roles, assistants, supervisors, consent ledger). */
describe('roles in a session', () => {
  const world = useTestServer();

  const connect = async (who: Credentials) => {
    const client = await TestClient.connect(world.server.url, (await login(world.server.url, who)).token);
    world.clients.push(client);
    return client;
  };
  const session = async (agent?: Credentials) => {
    const s = await startSessionWithCustomer(world.server.url, agent ?? (await newAgent(world.server.url, TEST_ADMIN)));
    world.clients.push(s.agent, s.customer);
    return s;
  };
  /** Agent asks, customer allows, customer publishes a screen; returns the producer id. */
  const shareScreen = async (s: Awaited<ReturnType<typeof session>>, customer = s.customer, customerId = s.joined.participantId) => {
    const asked = await s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'view-desktop', customerId });
    if (asked.status === 'pending') await customer.call('consent:answer', { sessionId: s.sessionId, requestId: asked.id, granted: true });
    const transport = await customer.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
    const { producerId } = await customer.call('media:produce', {
      sessionId: s.sessionId, transportId: transport.id, kind: 'video', source: 'screen', rtpParameters: rtpParameters('video'),
    });
    return producerId;
  };
  const producers = async (sessionId: string) => (await world.server.app.services.rooms.peek(sessionId))?.listProducers() ?? [];

  it('an agent cannot start more sessions than the maximum an admin set (1 = single-session mode)', async () => {
    const single = await newAgent(world.server.url, TEST_ADMIN, 1);
    const { token } = await login(world.server.url, single);
    unwrap(await postJson(world.server.url, ROUTES.sessions, {}, token));
    expect(await postJson(world.server.url, ROUTES.sessions, {}, token)).toMatchObject({ status: 409, body: { error: { code: 'SESSION_LIMIT' } } });
  });

  it('an assistant joins by number, sees the screen, but has no control; control is transferred and comes back', async () => {
    const s = await session();
    const helperAccount = await newAgent(world.server.url, TEST_ADMIN, 3, 'Helper');
    const helper = await connect(helperAccount);
    const producerId = await shareScreen(s);
    const snapshot = await helper.call('session:assist', { sessionNumber: s.created.session.number });
    expect(snapshot.self.role).toBe('assistant');
    expect(snapshot.producers.map((p) => p.producerId)).toEqual([producerId]);
    const { rtpCapabilities } = await helper.call('media:capabilities', { sessionId: s.sessionId });
    const recv = await helper.call('media:create-transport', { sessionId: s.sessionId, direction: 'recv' });
    expect(await helper.call('media:consume', { sessionId: s.sessionId, transportId: recv.id, producerId, rtpCapabilities })).toMatchObject({ source: 'screen' });

    const ask = { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId };
    expect(await helper.request('consent:ask', ask)).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
    expect(await helper.request('session:end', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });

    await s.agent.call('session:transfer-control', { sessionId: s.sessionId, toParticipantId: snapshot.self.id });
    const updated = await s.customer.waitForEvent('session:updated', (e) => e.session.controllerId === snapshot.self.id);
    expect(updated.session.controllerId).toBe(snapshot.self.id);
    // On transfer, sharing stops; the former primary is an assistant who cannot end.
    await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === producerId);
    expect(await producers(s.sessionId)).toEqual([]);
    expect(await s.agent.request('session:end', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
    expect(await s.agent.request('consent:ask', ask)).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
    expect(await helper.call('consent:ask', ask)).toMatchObject({ status: 'pending' });

    await helper.call('session:transfer-control', { sessionId: s.sessionId, toParticipantId: s.agentSnapshot.self.id });
    await s.customer.waitForEvent('session:updated', (e) => e.session.controllerId === s.agentSnapshot.self.id);
    await helper.call('session:leave', { sessionId: s.sessionId });
    await s.agent.call('session:end', { sessionId: s.sessionId });
  });

  it('a supervisor lists, watches silently, whispers to the agent only, and takes over', async () => {
    const supervisorAccount = await newSupervisor(world.server.url);
    const agentAccount = await newAgent(world.server.url, TEST_ADMIN, 3, 'Ann', supervisorAccount.id);
    const s = await session(agentAccount);
    const supervisor = await connect(supervisorAccount);
    const live = await supervisor.call('supervisor:sessions', {});
    expect(live.sessions).toEqual([expect.objectContaining({ agentName: 'Ann', customers: ['Casey'], participants: 2 })]);

    const watched = await supervisor.call('session:watch', { sessionId: s.sessionId });
    expect(watched.self.role).toBe('supervisor');
    await s.agent.waitForEvent('session:participant-joined', (e) => e.participant.role === 'supervisor');
    const customerView = await s.customer.call('session:join', { sessionId: s.sessionId });
    expect(customerView.participants.map((p) => p.role)).not.toContain('supervisor');

    expect(await supervisor.request('chat:send', { sessionId: s.sessionId, text: 'hello all' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await supervisor.request('chat:send', { sessionId: s.sessionId, text: 'psst', to: s.joined.participantId })).toMatchObject({
      ok: false, error: { code: 'FORBIDDEN' },
    });
    const whisper = await supervisor.call('chat:send', { sessionId: s.sessionId, text: 'try the spooler', to: s.agentSnapshot.self.id });
    expect(whisper.whisper).toBe(true);
    await s.agent.waitForEvent('chat:message', (m) => m.id === whisper.id);
    await s.customer.call('chat:send', { sessionId: s.sessionId, text: 'anyone?' });
    await s.agent.waitForEvent('chat:message', (m) => m.text === 'anyone?');
    expect(s.customer.events.some((e) => JSON.stringify(e.payload).includes('spooler'))).toBe(false);
    expect(s.customer.received('session:participant-joined').some((e) => e.participant.role === 'supervisor')).toBe(false);

    const stranger = await connect(await newSupervisor(world.server.url));
    expect(await stranger.request('session:watch', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await supervisor.call('session:take-over', { sessionId: s.sessionId });
    await s.agent.waitForEvent('session:updated', (e) => e.session.controllerId === watched.self.id);
    expect(await s.agent.request('session:end', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
    await supervisor.call('session:end', { sessionId: s.sessionId });
    await s.customer.waitForEvent('session:ended');
  });

  it('several customers: the first is told when another joins; switching customer stops the share', async () => {
    const s = await session();
    const second = unwrap(await postJson<{ token: string; participantId: string }>(world.server.url, ROUTES.join, {
      sessionNumber: s.created.session.number, displayName: 'Second',
    }));
    await s.agent.call('session:admit', { sessionId: s.sessionId, participantId: second.participantId, admit: true });
    await s.customer.waitForEvent('session:participant-joined', (e) => e.participant.id === second.participantId);
    const producerId = await shareScreen(s);
    await s.agent.call('session:select-customer', { sessionId: s.sessionId, customerId: second.participantId });
    await s.customer.waitForEvent('media:producer-closed', (e) => e.producerId === producerId);
    await s.customer.waitForEvent('session:updated', (e) => e.session.selectedCustomerId === second.participantId);
    expect(await producers(s.sessionId)).toEqual([]);
  });

  it('grant all: a later request proceeds without a prompt; revoke stops the share at once', async () => {
    const s = await session();
    const first = await s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId });
    await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: first.id, granted: true, grantAll: true });
    await s.agent.call('share:stop', { sessionId: s.sessionId });
    const prompts = s.customer.received('consent:prompt').length;

    const producerId = await shareScreen(s);
    expect(s.customer.received('consent:prompt').length).toBe(prompts);
    const automatic = (await world.server.app.services.consents.list(s.sessionId)).filter((c) => c.automatic);
    expect(automatic).toEqual([expect.objectContaining({ status: 'granted' })]);

    await s.customer.call('consent:revoke', { sessionId: s.sessionId });
    await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === producerId);
    await s.agent.waitForEvent('session:participant-updated', (e) => e.participant.id === s.joined.participantId && !e.participant.grantsAll);
    const next = await s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId });
    expect(next).toMatchObject({ status: 'pending', automatic: false });
    const actions = (await world.server.app.services.store.listAudit(s.sessionId)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['consent:grant-all', 'consent:revoked']));
  });

  it('notes are staff-only and saved with the session record, which outlives the session', async () => {
    const supervisorAccount = await newSupervisor(world.server.url);
    const agentAccount = await newAgent(world.server.url, TEST_ADMIN, 3, 'Ann', supervisorAccount.id);
    const s = await session(agentAccount);
    await s.agent.call('notes:update', { sessionId: s.sessionId, text: 'Printer driver reinstalled.' });
    expect(await s.customer.request('notes:update', { sessionId: s.sessionId, text: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await s.customer.call('session:join', { sessionId: s.sessionId })).notes).toBeNull();
    await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'Done!' });
    await s.agent.call('session:end', { sessionId: s.sessionId });

    const read = async (who: Credentials) => {
      const { token } = await login(world.server.url, who);
      const response = await fetch(`${world.server.url}${ROUTES.sessionRecord(s.sessionId)}`, { headers: { authorization: `Bearer ${token}` } });
      return { status: response.status, body: (await response.json()) as { ok: boolean; data?: SessionRecordResponse } };
    };
    const record = await read(agentAccount);
    expect(record.status).toBe(200);
    expect(record.body.data).toMatchObject({ notes: 'Printer driver reinstalled.', session: { state: 'ended' } });
    expect(record.body.data?.participants.map((p) => p.role).sort()).toEqual(['agent', 'customer']);
    expect(record.body.data?.chat.map((m) => m.text)).toEqual(['Done!']);
    expect(record.body.data?.audit.map((a) => a.action)).toEqual(expect.arrayContaining(['session:created', 'participant:joined', 'session:ended']));
    expect((await read(supervisorAccount)).status).toBe(200);
    expect((await read(TEST_ADMIN)).status).toBe(200);
    expect((await read(await newAgent(world.server.url, TEST_ADMIN))).status).toBe(403);
  });
});
