import type { VoiceState } from '@rs/signaling';
import { TestClient, login, newAgent, newSupervisor, startSessionWithCustomer, startSessionWithTwoCustomers } from '../support/signaling-client';
import { rtpParameters as rtp } from '../support/rtp-parameters';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/** Issue 11 item 3: the customer speaks from the start, everyone mutes, the floor follows control. */
describe('voice floor and mute', () => {
  const world = useTestServer();

  async function threeInACall() {
    const s = await startSessionWithTwoCustomers(world.server.url, TEST_ADMIN);
    const { b } = s;
    world.clients.push(s.agent, s.customer, b);
    await s.agent.call('voice:start', { sessionId: s.sessionId });
    await s.customer.call('voice:join', { sessionId: s.sessionId });
    await b.call('voice:join', { sessionId: s.sessionId });
    const agentMic = await publishMic(s.agent, s.sessionId);
    const aMic = await publishMic(s.customer, s.sessionId);
    const bMic = await publishMic(b, s.sessionId);
    return { ...s, agentMic, aMic, bMic };
  }
  async function publishMic(client: TestClient, sessionId: string): Promise<string> {
    const transport = await client.call('media:create-transport', { sessionId, direction: 'send' });
    return (await client.call('media:produce', { sessionId, transportId: transport.id, kind: 'audio', source: 'mic', rtpParameters: rtp('audio') })).producerId;
  }
  const pausedOf = async (sessionId: string, producerId: string) =>
    (await world.server.app.services.rooms.peek(sessionId))?.listProducers().find((p) => p.producerId === producerId)?.paused;
  const paused = (sessionId: string, ...ids: string[]) => Promise.all(ids.map((id) => pausedOf(sessionId, id)));

  it('the customer being helped is heard as soon as they join; passing the mic moves the second floor', async () => {
    const s = await threeInACall();
    expect(await paused(s.sessionId, s.agentMic, s.aMic, s.bMic)).toEqual([false, false, true]);
    expect(s.a.received('media:producer-paused').some((e) => e.producerId === s.aMic && e.paused)).toBe(false);
    const state = await s.a.call('voice:join', { sessionId: s.sessionId });
    expect(state).toMatchObject({ micHolderId: s.aId, muted: [] });
    expect(state.floor.sort()).toEqual([s.agentSnapshot.self.id, s.aId].sort());

    await s.agent.call('voice:pass-mic', { sessionId: s.sessionId, participantId: s.bId });
    expect(await paused(s.sessionId, s.agentMic, s.aMic, s.bMic)).toEqual([false, true, false]);
    // Taking the mic back returns the second floor to the customer being helped.
    expect(await s.agent.call('voice:pass-mic', { sessionId: s.sessionId, participantId: null })).toMatchObject({ micHolderId: s.aId });
    expect(await paused(s.sessionId, s.agentMic, s.aMic, s.bMic)).toEqual([false, false, true]);
    // Helping another customer moves the second floor to them.
    await s.agent.call('session:select-customer', { sessionId: s.sessionId, customerId: s.bId });
    await waitFor('the agent learns Ben holds the floor', () => s.agent.received('voice:state').at(-1)?.micHolderId === s.bId || undefined);
    expect(await paused(s.sessionId, s.agentMic, s.aMic, s.bMic)).toEqual([false, true, false]);
  });

  it('everyone mutes themselves; the agent in control mutes others, who unmute themselves only while holding a floor', async () => {
    const s = await threeInACall();
    const mute = (client: TestClient, participantId: string, muted: boolean) =>
      client.request('voice:mute', { sessionId: s.sessionId, participantId, muted });

    // Self-mute and unmute.
    expect(await s.a.call('voice:mute', { sessionId: s.sessionId, participantId: s.aId, muted: true })).toMatchObject({ muted: [{ participantId: s.aId, by: 'self' }] });
    expect(await pausedOf(s.sessionId, s.aMic)).toBe(true);
    await s.a.waitForEvent('media:producer-paused', (e) => e.producerId === s.aMic && e.paused);
    await s.a.call('voice:mute', { sessionId: s.sessionId, participantId: s.aId, muted: false });
    expect(await pausedOf(s.sessionId, s.aMic)).toBe(false);
    await s.agent.call('voice:mute', { sessionId: s.sessionId, participantId: s.agentSnapshot.self.id, muted: true });
    expect(await pausedOf(s.sessionId, s.agentMic)).toBe(true);
    await s.agent.call('voice:mute', { sessionId: s.sessionId, participantId: s.agentSnapshot.self.id, muted: false });
    expect(await pausedOf(s.sessionId, s.agentMic)).toBe(false);

    // Nobody but the agent in control mutes someone else; nobody unmutes someone else.
    expect(await mute(s.b, s.aId, true)).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
    await s.agent.call('voice:mute', { sessionId: s.sessionId, participantId: s.aId, muted: true });
    expect(await pausedOf(s.sessionId, s.aMic)).toBe(true);
    const told = await s.a.waitForEvent('voice:state', (e: VoiceState) => e.muted.some((m) => m.participantId === s.aId && m.by === 'agent'));
    expect(told.muted).toEqual([{ participantId: s.aId, by: 'agent' }]);
    expect(await mute(s.agent, s.aId, false)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Muted by the agent without a floor: cannot unmute; with the floor (the customer being helped): can.
    await s.agent.call('voice:mute', { sessionId: s.sessionId, participantId: s.bId, muted: true });
    expect(await mute(s.b, s.bId, false)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await s.a.call('voice:mute', { sessionId: s.sessionId, participantId: s.aId, muted: false });
    expect(await pausedOf(s.sessionId, s.aMic)).toBe(false);
    // Outside the call: refused.
    await s.b.call('voice:leave', { sessionId: s.sessionId });
    expect(await mute(s.agent, s.bId, true)).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
  });

  it('the agent floor follows the agent in control on transfer and comes back', async () => {
    const s = await threeInACall();
    const helper = await TestClient.connect(world.server.url, (await login(world.server.url, await newAgent(world.server.url, TEST_ADMIN, 3, 'Helper'))).token);
    world.clients.push(helper);
    const helperId = (await helper.call('session:assist', { sessionNumber: s.created.session.number })).self.id;
    await helper.call('voice:join', { sessionId: s.sessionId });
    const helperMic = await publishMic(helper, s.sessionId);
    expect(await paused(s.sessionId, s.agentMic, helperMic, s.aMic)).toEqual([false, true, false]);

    await s.agent.call('session:transfer-control', { sessionId: s.sessionId, toParticipantId: helperId });
    const after = await s.a.waitForEvent('voice:state', (e: VoiceState) => e.floor.includes(helperId));
    expect(after.floor.sort()).toEqual([helperId, s.aId].sort());
    expect(await paused(s.sessionId, s.agentMic, helperMic, s.aMic)).toEqual([true, false, false]);
    // The new agent in control runs the call: they mute and pass the mic.
    await helper.call('voice:pass-mic', { sessionId: s.sessionId, participantId: s.bId });
    expect(await paused(s.sessionId, s.aMic, s.bMic)).toEqual([true, false]);

    await helper.call('session:transfer-control', { sessionId: s.sessionId, toParticipantId: s.agentSnapshot.self.id });
    await s.a.waitForEvent('voice:state', (e: VoiceState) => e.floor.includes(s.agentSnapshot.self.id) && e.micHolderId === s.bId);
    expect(await paused(s.sessionId, s.agentMic, helperMic, s.bMic)).toEqual([false, true, false]);
  });

  it('the agent floor follows a supervisor who takes over; the customer keeps the second floor', async () => {
    const supervisorAccount = await newSupervisor(world.server.url);
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN, 3, 'Ann', supervisorAccount.id));
    world.clients.push(s.agent, s.customer);
    const supervisor = await TestClient.connect(world.server.url, (await login(world.server.url, supervisorAccount)).token);
    world.clients.push(supervisor);
    const supervisorId = (await supervisor.call('session:watch', { sessionId: s.sessionId })).self.id;
    const agentId = s.agentSnapshot.self.id;
    const customerId = s.joined.participantId;
    await s.agent.call('voice:start', { sessionId: s.sessionId });
    await s.customer.call('voice:join', { sessionId: s.sessionId });
    await supervisor.call('voice:join', { sessionId: s.sessionId });
    const agentMic = await publishMic(s.agent, s.sessionId);
    const customerMic = await publishMic(s.customer, s.sessionId);
    const supervisorMic = await publishMic(supervisor, s.sessionId);
    // Before: the agent in control and the customer speak; the watching supervisor does not.
    expect(await paused(s.sessionId, agentMic, customerMic, supervisorMic)).toEqual([false, false, true]);

    await supervisor.call('session:take-over', { sessionId: s.sessionId });
    const after = await s.customer.waitForEvent('voice:state', (e: VoiceState) => e.floor.includes(supervisorId));
    expect(after.floor.sort()).toEqual([supervisorId, customerId].sort());
    expect(after.micHolderId).toBe(customerId);
    await waitFor('the floor applied on the server', async () => ((await pausedOf(s.sessionId, supervisorMic)) === false && (await pausedOf(s.sessionId, agentMic)) === true) || undefined);
    expect(await paused(s.sessionId, agentMic, customerMic, supervisorMic)).toEqual([true, false, false]);
    // The supervisor now runs the call: they may mute the former agent's microphone.
    expect(await supervisor.call('voice:mute', { sessionId: s.sessionId, participantId: agentId, muted: true })).toMatchObject({ muted: [{ participantId: agentId, by: 'agent' }] });
  });
});
