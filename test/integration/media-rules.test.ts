import type { MediaSource } from '@rs/signaling';
import { TestClient, login, newAgent, startSessionWithTwoCustomers, unwrap } from '../support/signaling-client';
import { rtpParameters as rtp } from '../support/rtp-parameters';
import { shareScreen } from '../support/share-screen';
import { TEST_ADMIN, useTestServer } from '../support/test-server';

/** Voice floor, video senders, the agent's own screen, quality modes, annotation: enforced by the server. */
describe('media rules', () => {
  const world = useTestServer();

  async function threeInACall() {
    const s = await startSessionWithTwoCustomers(world.server.url, TEST_ADMIN);
    world.clients.push(s.agent, s.customer, s.b);
    return s;
  }
  const publish = async (client: TestClient, sessionId: string, source: MediaSource) => {
    const transport = await client.call('media:create-transport', { sessionId, direction: 'send' });
    const kind = source === 'mic' ? 'audio' : 'video';
    return client.request('media:produce', { sessionId, transportId: transport.id, kind, source, rtpParameters: rtp(kind) });
  };
  const pausedOf = async (sessionId: string, producerId: string) =>
    (await world.server.app.services.rooms.peek(sessionId))?.listProducers().find((p) => p.producerId === producerId)?.paused;

  it('voice: members only; at most two speak; passing the mic pauses the previous holder on the server', async () => {
    const s = await threeInACall();
    expect(await s.a.request('voice:start', { sessionId: s.sessionId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await s.agent.call('voice:start', { sessionId: s.sessionId });
    expect(await publish(s.a, s.sessionId, 'mic')).toMatchObject({ ok: false, error: { code: 'NOT_IN_CALL' } });
    await s.a.call('voice:join', { sessionId: s.sessionId });
    await s.b.call('voice:join', { sessionId: s.sessionId });
    const agentMic = unwrap({ body: await publish(s.agent, s.sessionId, 'mic') }).producerId;
    const aMic = unwrap({ body: await publish(s.a, s.sessionId, 'mic') }).producerId;
    const bMic = unwrap({ body: await publish(s.b, s.sessionId, 'mic') }).producerId;
    // Nobody was passed the mic yet: the agent in control and the customer being helped (Ada) are forwarded.
    expect([await pausedOf(s.sessionId, agentMic), await pausedOf(s.sessionId, aMic), await pausedOf(s.sessionId, bMic)]).toEqual([false, false, true]);

    await s.agent.call('voice:pass-mic', { sessionId: s.sessionId, participantId: s.aId });
    expect([await pausedOf(s.sessionId, aMic), await pausedOf(s.sessionId, bMic)]).toEqual([false, true]);
    const state = await s.agent.call('voice:pass-mic', { sessionId: s.sessionId, participantId: s.bId });
    expect(state).toMatchObject({ active: true, micHolderId: s.bId });
    expect([await pausedOf(s.sessionId, agentMic), await pausedOf(s.sessionId, aMic), await pausedOf(s.sessionId, bMic)]).toEqual([false, true, false]);
    await s.a.waitForEvent('media:producer-paused', (e) => e.producerId === aMic && e.paused);
    expect(await s.a.request('voice:pass-mic', { sessionId: s.sessionId, participantId: s.aId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    // Leaving the call closes the microphone; ending the call closes them all; the session goes on.
    await s.b.call('voice:leave', { sessionId: s.sessionId });
    await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === bMic);
    expect(await s.agent.call('voice:end', { sessionId: s.sessionId })).toMatchObject({ active: false, members: [] });
    await s.agent.waitForEvent('media:producer-closed', (e) => e.producerId === aMic);
    expect((await s.agent.call('session:join', { sessionId: s.sessionId })).session.state).toBe('active');
  });

  it('video: only the agent in control and the customer being helped, the customer after the agent', async () => {
    const s = await threeInACall();
    expect(await publish(s.a, s.sessionId, 'camera')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await publish(s.agent, s.sessionId, 'camera')).toMatchObject({ ok: true });
    expect(await publish(s.a, s.sessionId, 'camera')).toMatchObject({ ok: true });
    expect(await publish(s.b, s.sessionId, 'camera')).toMatchObject({ ok: false, error: { code: 'MEDIA_LIMIT' } });
    expect(await publish(s.agent, s.sessionId, 'camera')).toMatchObject({ ok: false, error: { code: 'MEDIA_LIMIT' } });
    const helper = await TestClient.connect(world.server.url, (await login(world.server.url, await newAgent(world.server.url, TEST_ADMIN))).token);
    world.clients.push(helper);
    await helper.call('session:assist', { sessionNumber: s.created.session.number });
    expect(await publish(helper, s.sessionId, 'camera')).toMatchObject({ ok: false, error: { code: 'MEDIA_LIMIT' } });
    expect(await publish(helper, s.sessionId, 'agent-screen')).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
    expect(await publish(s.a, s.sessionId, 'agent-screen')).toMatchObject({ ok: false, error: { code: 'NOT_IN_CONTROL' } });
  });

  it('the agent shows their screen; quality modes reach everyone; annotations follow the rules', async () => {
    const s = await threeInACall();
    const shown = unwrap({ body: await publish(s.agent, s.sessionId, 'agent-screen') });
    await s.a.waitForEvent('media:producer-added', (p) => p.producerId === shown.producerId && p.source === 'agent-screen');

    await s.agent.call('share:set-quality', { sessionId: s.sessionId, producerId: shown.producerId, mode: 'low-bandwidth' });
    await s.b.waitForEvent('share:quality', (e) => e.producerId === shown.producerId && e.mode === 'low-bandwidth');
    expect(await s.agent.request('share:set-quality', { sessionId: s.sessionId, producerId: shown.producerId, mode: 'turbo' })).toMatchObject({
      ok: false, error: { code: 'INVALID_PAYLOAD' },
    });

    const stroke = (id: string) => ({ id, producerId: shown.producerId, tool: 'pen', color: '#ff0000', width: 0.004, points: [[0.1, 0.2], [0.3, 0.4]] });
    const customerStroke = '0b7c4d8e-1111-4a5f-9d4e-3c2b1a0f9e8d';
    await s.a.call('annotation:draw', { sessionId: s.sessionId, stroke: stroke(customerStroke) });
    const seen = await s.agent.waitForEvent('annotation:stroke', (e) => e.stroke.id === customerStroke);
    expect(seen.stroke.points).toEqual([[0.1, 0.2], [0.3, 0.4]]);
    expect(await s.b.request('annotation:erase', { sessionId: s.sessionId, strokeId: customerStroke })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await s.a.request('annotation:draw', { sessionId: s.sessionId, stroke: { ...stroke(customerStroke), points: [[1.5, 0]] } })).toMatchObject({
      ok: false, error: { code: 'INVALID_PAYLOAD' },
    });
    expect((await s.b.call('session:join', { sessionId: s.sessionId })).strokes.map((e) => e.stroke.id)).toEqual([customerStroke]);
    await s.agent.call('annotation:erase', { sessionId: s.sessionId, strokeId: customerStroke });
    await s.a.waitForEvent('annotation:erased', (e) => e.strokeId === customerStroke);
    await s.agent.call('annotation:clear', { sessionId: s.sessionId });
    await s.b.waitForEvent('annotation:cleared');

    await s.agent.call('share:stop', { sessionId: s.sessionId, source: 'agent-screen' });
    await s.a.waitForEvent('media:producer-closed', (e) => e.producerId === shown.producerId);
  });

  it('the mode in force is in the producer list for late joiners; a sender\'s encoder report reaches staff only, for its own screen only', async () => {
    const s = await threeInACall();
    const screen = await shareScreen(s.agent, s.a, s.sessionId, s.aId);
    await s.agent.call('share:set-quality', { sessionId: s.sessionId, producerId: screen, mode: 'balanced' });
    const late = await TestClient.connect(world.server.url, (await login(world.server.url, await newAgent(world.server.url, TEST_ADMIN))).token);
    world.clients.push(late);
    const snapshot = await late.call('session:assist', { sessionNumber: s.created.session.number });
    expect(snapshot.producers.find((p) => p.producerId === screen)).toMatchObject({ source: 'screen', quality: 'balanced' });

    const report = {
      sessionId: s.sessionId, producerId: screen, captureWidth: 1920, captureHeight: 1080,
      layers: [{ width: 480, height: 270, fps: 15, kbps: 80, limitation: 'none' }, { width: 1920, height: 1080, fps: 9, kbps: 900, limitation: 'cpu' }],
    } as const;
    await s.a.call('share:sender-stats', report);
    const relayed = await late.waitForEvent('share:sender-stats', (e) => e.producerId === screen);
    expect(relayed).toMatchObject({ ...report, participantId: s.aId });
    await s.agent.waitForEvent('share:sender-stats', (e) => e.producerId === screen);
    // Not the sender: refused; not a valid report: refused; customers never get it.
    expect(await s.b.request('share:sender-stats', report)).toMatchObject({ ok: false, error: { code: 'MEDIA_NOT_FOUND' } });
    expect(await s.a.request('share:sender-stats', { ...report, layers: [{ ...report.layers[0], limitation: 'aliens' }] })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(s.b.received('share:sender-stats')).toEqual([]);
    expect(s.a.received('share:sender-stats')).toEqual([]);
  });
});
