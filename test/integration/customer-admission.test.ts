import { ROUTES } from '@rs/signaling';
import type { CustomerJoinResponse } from '@rs/signaling';
import { rtpParameters as rtp } from '../support/rtp-parameters';
import { TestClient, newAgent, postJson, startSessionWithCustomer, unwrap } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import type { TestServer } from '../support/test-server';

/**
 * Privacy between customers (issue 12, item 4): the number stays valid while the session
 * runs, so once a customer is in, anyone else with it waits at the door until the agent in
 * control admits them, and learns nothing of the session before.
 */
async function sharingSessionAndStranger(server: TestServer, clients: { close(): void }[]) {
  const url = server.url;
  const s = await startSessionWithCustomer(url, await newAgent(url, TEST_ADMIN), 'Ada');
  clients.push(s.agent, s.customer);
  const asked = await s.agent.call('consent:ask', { sessionId: s.sessionId, activity: 'view-desktop', customerId: s.joined.participantId });
  await s.customer.call('consent:answer', { sessionId: s.sessionId, requestId: asked.id, granted: true });
  const transport = await s.customer.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
  const screen = await s.customer.call('media:produce', { sessionId: s.sessionId, transportId: transport.id, kind: 'video', source: 'screen', rtpParameters: rtp('video') });
  const joinedB = unwrap(await postJson<CustomerJoinResponse>(url, ROUTES.join, { sessionNumber: s.created.session.number, displayName: 'Mallory' }));
  const stranger = await TestClient.connect(url, joinedB.token);
  clients.push(stranger);
  const waitingSnapshot = await stranger.call('session:join', { sessionId: s.sessionId });
  return { ...s, screen, stranger, strangerId: joinedB.participantId, strangerToken: joinedB.token, waitingSnapshot };
}

describe('a second customer with the same number waits to be admitted', () => {
  const world = useTestServer();

  it('is held: nothing of the session before admission (participants, chat, media, voice); the agent is asked', async () => {
    const s = await sharingSessionAndStranger(world.server, world.clients);
    expect(s.waitingSnapshot.self).toMatchObject({ id: s.strangerId, waiting: true });
    expect(s.waitingSnapshot).toMatchObject({ participants: [], chat: [], producers: [], consents: [], strokes: [] });
    expect(s.waitingSnapshot.voice.members).toEqual([]);
    const asking = await s.agent.waitForEvent('session:participant-joined', (e) => e.participant.id === s.strangerId);
    expect(asking.participant.waiting).toBe(true);

    await s.agent.call('voice:start', { sessionId: s.sessionId });
    await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'Ada, your code is 4711' });
    await s.customer.waitForEvent('chat:message', (m) => m.text === 'Ada, your code is 4711');
    await s.customer.call('session:join', { sessionId: s.sessionId });

    // The stranger cannot ask for anything of the session...
    expect(await s.stranger.request('media:capabilities', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
    expect(await s.stranger.request('chat:send', { sessionId: s.sessionId, text: 'hello?' })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
    expect(await s.stranger.request('voice:join', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_ADMITTED' } });
    // ...and received nothing: no chat, no media, no participant, voice or session event.
    const heard = s.stranger.events.map((e) => e.name);
    expect(heard.filter((n) => /^(chat|media|voice|session|consent|annotation):/.test(n))).toEqual([]);
    // Ada is not told about someone at the door.
    expect(s.customer.received('session:participant-joined').map((e) => e.participant.id)).not.toContain(s.strangerId);
    // The first customer stays the one helped.
    expect((await s.agent.call('session:join', { sessionId: s.sessionId })).session.selectedCustomerId).toBe(s.joined.participantId);
  });

  it('admitted: told, then joins as a normal customer (chat from then on; the agent\'s screen rules apply)', async () => {
    const s = await sharingSessionAndStranger(world.server, world.clients);
    await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'before' });
    await s.agent.call('session:admit', { sessionId: s.sessionId, participantId: s.strangerId, admit: true });
    await s.stranger.waitForEvent('session:admission', (e) => e.admitted);
    await s.customer.waitForEvent('session:participant-joined', (e) => e.participant.id === s.strangerId);
    const admitted = await s.stranger.call('session:join', { sessionId: s.sessionId });
    expect(admitted.self.waiting).toBeUndefined();
    expect(admitted.participants.map((p) => p.displayName).sort()).toEqual(['Ada', 'Mallory', 'Support Agent']);
    expect(admitted.chat).toEqual([]);
    await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'welcome' });
    await s.stranger.waitForEvent('chat:message', (m) => m.text === 'welcome');
    expect(await s.stranger.request('media:capabilities', { sessionId: s.sessionId })).toMatchObject({ ok: true });
  });

  it('declined: told and out; everything is refused after; only the agent in control answers', async () => {
    const s = await sharingSessionAndStranger(world.server, world.clients);
    expect(await s.customer.request('session:admit', { sessionId: s.sessionId, participantId: s.strangerId, admit: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await s.agent.call('session:admit', { sessionId: s.sessionId, participantId: s.strangerId, admit: false });
    await s.stranger.waitForEvent('session:admission', (e) => !e.admitted);
    // The server cuts the declined customer's connection (told first, then a namespace goodbye: no reconnect)...
    await waitFor('the declined customer\'s socket cut by the server', () => !s.stranger.socket.connected || undefined);
    // ...and refuses whatever they try with their token afterwards.
    const again = await TestClient.connect(world.server.url, s.strangerToken);
    world.clients.push(again);
    expect(await again.request('session:join', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SESSION' } });
    expect(await again.request('chat:send', { sessionId: s.sessionId, text: 'let me in' })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SESSION' } });
    expect(await again.request('media:capabilities', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'NOT_IN_SESSION' } });
    expect(await s.agent.request('session:admit', { sessionId: s.sessionId, participantId: s.strangerId, admit: true })).toMatchObject({ ok: false, error: { code: 'PARTICIPANT_NOT_FOUND' } });
    const left = await s.agent.waitForEvent('session:participant-left', (e) => e.participant.id === s.strangerId);
    expect(left.participant.leftAt).not.toBeNull();
  });

  it('the same customer coming back (their browser key) is not held', async () => {
    const url = world.server.url;
    const agent = await newAgent(url, TEST_ADMIN);
    const s = await startSessionWithCustomer(url, agent, 'Ada');
    world.clients.push(s.agent, s.customer);
    const key = 'k'.repeat(64);
    const first = unwrap(await postJson<CustomerJoinResponse>(url, ROUTES.join, { sessionNumber: s.created.session.number, displayName: 'Bob', customerKey: key }));
    const firstClient = await TestClient.connect(url, first.token);
    world.clients.push(firstClient);
    await firstClient.call('session:join', { sessionId: s.sessionId });
    await s.agent.call('session:admit', { sessionId: s.sessionId, participantId: first.participantId, admit: true });
    const again = unwrap(await postJson<CustomerJoinResponse>(url, ROUTES.join, { sessionNumber: s.created.session.number, displayName: 'Bob', customerKey: key }));
    expect(again.participantId).toBe(first.participantId);
    const tab = await TestClient.connect(url, again.token);
    world.clients.push(tab);
    expect((await tab.call('session:join', { sessionId: s.sessionId })).self.waiting).toBeUndefined();
  });

  it('the session ends while a customer waits: they are told', async () => {
    const s = await sharingSessionAndStranger(world.server, world.clients);
    await s.agent.call('session:end', { sessionId: s.sessionId });
    await s.stranger.waitForEvent('session:ended');
  });
});
