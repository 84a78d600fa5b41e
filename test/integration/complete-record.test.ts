import { ROUTES } from '@rs/signaling';
import type { SessionRecordResponse } from '@rs/signaling';
import { rtpParameters as rtp } from '../support/rtp-parameters';
import { TestClient, login, newAgent, newSupervisor, startSessionWithCustomer } from '../support/signaling-client';
import type { Credentials } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';

/**
 * R10.5 / R2.3: a scripted session leaves a complete record: participants with join and leave
 * times and roles, start, end and who ended, transfers of control and the take-over, consent
 * requests with who asked and the answer, share, voice and video start and stop, notes, chat
 * with whispers and private messages marked. No session number or token in it.
 */
describe('the session record', () => {
  const world = useTestServer();

  async function read(who: Credentials, sessionId: string): Promise<SessionRecordResponse> {
    const { token } = await login(world.server.url, who);
    const response = await fetch(`${world.server.url}${ROUTES.sessionRecord(sessionId)}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { ok: boolean; data: SessionRecordResponse };
    return body.data;
  }

  it('contains every event of a scripted session', async () => {
    const url = world.server.url;
    const supervisorAccount = await newSupervisor(url, TEST_ADMIN, 'Sam Supervisor');
    const agentAccount = await newAgent(url, TEST_ADMIN, 3, 'Alice Agent', supervisorAccount.id);
    const s = await startSessionWithCustomer(url, agentAccount, 'Casey');
    const sid = s.sessionId;
    const assistantLogin = await login(url, await newAgent(url, TEST_ADMIN, 3, 'Bob Assistant'));
    const assistant = await TestClient.connect(url, assistantLogin.token);
    const supervisor = await TestClient.connect(url, (await login(url, supervisorAccount)).token);
    world.clients.push(s.agent, s.customer, assistant, supervisor);
    const assistantSnap = await assistant.call('session:assist', { sessionNumber: s.created.session.number });
    const supervisorSnap = await supervisor.call('session:watch', { sessionId: sid });
    const agentId = s.agentSnapshot.self.id;
    const customerId = s.joined.participantId;

    // Consent asked by the agent, granted; the customer's screen shared, then stopped.
    const asked = await s.agent.call('consent:ask', { sessionId: sid, activity: 'view-desktop', customerId });
    await s.customer.call('consent:answer', { sessionId: sid, requestId: asked.id, granted: true });
    const sendT = await s.customer.call('media:create-transport', { sessionId: sid, direction: 'send' });
    const screen = await s.customer.call('media:produce', { sessionId: sid, transportId: sendT.id, kind: 'video', source: 'screen', rtpParameters: rtp('video') });
    await s.customer.call('media:close-producer', { sessionId: sid, producerId: screen.producerId });
    // A denied request too.
    const again = await s.agent.call('consent:ask', { sessionId: sid, activity: 'view-desktop', customerId });
    await s.customer.call('consent:answer', { sessionId: sid, requestId: again.id, granted: false });
    // Voice call and the agent's camera.
    await s.agent.call('voice:start', { sessionId: sid });
    const agentT = await s.agent.call('media:create-transport', { sessionId: sid, direction: 'send' });
    const camera = await s.agent.call('media:produce', { sessionId: sid, transportId: agentT.id, kind: 'video', source: 'camera', rtpParameters: rtp('video') });
    await s.agent.call('media:close-producer', { sessionId: sid, producerId: camera.producerId });
    await s.agent.call('voice:end', { sessionId: sid });
    // Notes and chat: public, private, a supervisor's whisper.
    await s.agent.call('notes:update', { sessionId: sid, text: 'Reinstalled the printer' });
    await s.agent.call('notes:update', { sessionId: sid, text: 'Reinstalled the printer driver.' });
    await assistant.call('notes:update', { sessionId: sid, text: 'Reinstalled the printer driver. Version 2.1.' });
    await s.agent.call('notes:update', { sessionId: sid, text: 'Reinstalled the printer driver.' });
    await s.agent.call('chat:send', { sessionId: sid, text: 'Hello Casey' });
    await s.agent.call('chat:send', { sessionId: sid, text: 'Just for Casey', to: customerId });
    await supervisor.call('chat:send', { sessionId: sid, text: 'Ask about the driver version', to: agentId });
    // Control: transferred to the assistant, then taken over by the supervisor.
    await s.agent.call('session:transfer-control', { sessionId: sid, toParticipantId: assistantSnap.self.id });
    await supervisor.call('session:take-over', { sessionId: sid });
    await s.customer.call('session:leave', { sessionId: sid });
    await supervisor.call('session:end', { sessionId: sid });

    const record = await read(agentAccount, sid);
    const actions = record.audit.map((a) => `${a.action} ${a.actor}`);
    const expectAction = (action: string, actor: string) => expect(actions).toContain(`${action} ${actor}`);
    expectAction('session:created', agentId);
    expectAction('participant:joined', customerId);
    expectAction('participant:joined', assistantSnap.self.id);
    expectAction('participant:joined', supervisorSnap.self.id);
    expectAction('consent:requested', agentId);
    expectAction('consent:granted', customerId);
    expectAction('consent:denied', customerId);
    expectAction('share:started', customerId);
    expectAction('share:stopped', customerId);
    expectAction('voice:started', agentId);
    expectAction('voice:ended', agentId);
    expectAction('video:started', agentId);
    expectAction('video:stopped', agentId);
    expectAction('control:transferred', agentId);
    expectAction('control:taken-over', supervisorSnap.self.id);
    expectAction('participant:left', customerId);
    expectAction('session:ended', supervisorSnap.self.id);
    // Who edited the notes and when: one line per run of edits by one person (the console saves as they type).
    expect(record.audit.filter((a) => a.action === 'notes:edited').map((a) => a.actor)).toEqual([agentId, assistantSnap.self.id, agentId]);
    expect(record.audit.find((a) => a.action === 'control:transferred')?.subject).toBe(assistantSnap.self.id);

    expect(record.endedBy).toBe(supervisorSnap.self.id);
    expect(record.session.endedAt).toBeGreaterThanOrEqual(record.session.createdAt);
    const customer = record.participants.find((p) => p.id === customerId);
    expect(customer).toMatchObject({ role: 'customer', displayName: 'Casey' });
    expect(customer?.leftAt).toBeGreaterThanOrEqual(customer?.joinedAt ?? Infinity);
    expect(record.participants.map((p) => p.displayName).sort()).toEqual(['Alice Agent', 'Bob Assistant', 'Casey', 'Sam Supervisor']);
    // Everyone has a leave time: those still there when the session ended left at its end.
    for (const p of record.participants) expect([p.displayName, p.leftAt !== null && p.leftAt <= (record.session.endedAt ?? 0)]).toEqual([p.displayName, true]);
    expect(record.participants.find((p) => p.id === assistantSnap.self.id)?.leftAt).toBe(record.session.endedAt);
    expect(record.participants.find((p) => p.id === supervisorSnap.self.id)?.leftAt).toBe(record.session.endedAt);
    expect(record.notes).toBe('Reinstalled the printer driver.');
    // Who asked, and the answer (the granted request ended with the share).
    expect(record.consents.map((c) => [c.requestedBy, c.status])).toEqual([[agentId, 'ended'], [agentId, 'denied']]);
    expect(record.notes).toBe('Reinstalled the printer driver.');
    expect(record.chat.map((m) => [m.text, m.to !== null, m.whisper])).toEqual([
      ['Hello Casey', false, false],
      ['Just for Casey', true, false],
      ['Ask about the driver version', true, true],
    ]);
    // Never the session number (nor a token) in the trail.
    const trail = JSON.stringify(record.audit);
    expect(trail).not.toContain(s.created.session.number);
    expect(trail).not.toContain(s.joined.token);
  });
});
