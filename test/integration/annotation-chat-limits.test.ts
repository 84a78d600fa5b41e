import { randomUUID } from 'node:crypto';
import { LIMITS, ROUTES } from '@rs/signaling';
import type { SessionRecordResponse } from '@rs/signaling';
import { admitAnotherCustomer, newAgent, startSessionWithCustomer } from '../support/signaling-client';
import type { TestClient } from '../support/signaling-client';
import { shareScreen } from '../support/share-screen';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

/** The attack seen: strokes of the maximum size with long, unrounded coordinates. */
function maxStroke(producerId: string) {
  return {
    id: randomUUID(), producerId, tool: 'pen', color: '#ff0000', width: 0.05,
    points: Array.from({ length: LIMITS.strokePoints }, () => [Math.random(), Math.random()]),
  };
}

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * The heap after a full collection (jest run in band under `node --expose-gc`),
 * or null when gc is not exposed. The server runs in this process: the test
 * clients' own logs of received events are dropped first so that what is
 * measured is what the server keeps.
 */
function heapAfterGc(clients: TestClient[]): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  for (const client of clients) client.events.length = 0;
  gc();
  return process.memoryUsage().heapUsed;
}

async function drawingSession(world: { server: TestServer; clients: { close(): void }[] }) {
  const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
  world.clients.push(s.agent, s.customer);
  const producerId = await shareScreen(s.agent, s.customer, s.sessionId, s.joined.participantId);
  return { ...s, producerId };
}

/** Another customer, admitted by the session's agent. */
async function joinCustomer(
  world: { server: TestServer; clients: { close(): void }[] },
  s: { agent: TestClient; sessionId: string; created: { session: { number: string } } },
  displayName: string,
) {
  const joined = await admitAnotherCustomer(world.server.url, s.agent, { sessionId: s.sessionId, number: s.created.session.number }, displayName);
  world.clients.push(joined.client);
  return joined;
}

describe('annotation and chat abuse, default limits', () => {
  const world = useTestServer();

  it('500 maximum strokes from one customer: drawing is rate-limited, memory and the late joiner\'s snapshot stay small', async () => {
    const s = await drawingSession(world);
    const heapBefore = heapAfterGc([s.agent, s.customer]);
    const codes = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      const result = await s.customer.request('annotation:draw', { sessionId: s.sessionId, stroke: maxStroke(s.producerId) });
      const code = result.ok ? 'ok' : result.error.code;
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    expect([...codes.keys()].sort()).toEqual(['RATE_LIMITED', 'ok']);
    expect(codes.get('RATE_LIMITED')).toBeGreaterThan(400);
    const refused = await s.customer.request('annotation:draw', { sessionId: s.sessionId, stroke: maxStroke(s.producerId) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/too fast/) } });

    const kept = world.server.app.services.annotations.size(s.sessionId);
    expect(kept.points).toBeLessThanOrEqual(LIMITS.pointsPerParticipant);
    // Coordinates are kept with 4 decimals: at most 16 bytes a point.
    expect(kept.bytes).toBeLessThan(kept.strokes * (LIMITS.strokePoints * 16 + 400));
    const relayed = s.agent.received('annotation:stroke');
    expect(relayed).toHaveLength(codes.get('ok') ?? 0);
    expect(relayed.every((e) => e.stroke.points.flat().every((c) => Math.round(c * 10_000) / 10_000 === c))).toBe(true);

    const late = await joinCustomer(world, s, 'Late');
    expect(late.snapshot.strokes).toHaveLength(kept.strokes);
    expect(bytesOf(late.snapshot.strokes)).toBeLessThanOrEqual(LIMITS.snapshotStrokeBytes);
    const heapAfter = heapAfterGc([s.agent, s.customer, late.client]);
    if (heapBefore !== null && heapAfter !== null) expect(heapAfter - heapBefore).toBeLessThan(16 * 1024 * 1024);
  });

  it('a chat flood is refused after a short burst with RATE_LIMITED; the others keep chatting', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(s.agent, s.customer);
    const results = [];
    for (let i = 0; i < 200; i++) results.push(await s.customer.request('chat:send', { sessionId: s.sessionId, text: `spam ${i}` }));
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(10);
    expect(accepted).toBeLessThan(60);
    expect(results[results.length - 1]).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringMatching(/too many messages/) } });
    expect(await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'still here' })).toMatchObject({ text: 'still here' });
  });
});

describe('annotation and chat storage caps (rates lifted to reach them)', () => {
  // Customers draw on one another's screen only where the site lets them see it.
  const world = useTestServer({ drawBurstPoints: 1e9, drawPointsPerSecond: 1e9, chatBurst: 1e6, chatPerSecond: 1e6, customersSeeOtherCustomersScreens: true });

  it('one customer\'s 500 maximum strokes keep only their newest share; a full drawing refuses new strokes until cleared', async () => {
    const s = await drawingSession(world);
    const heapBefore = heapAfterGc([s.agent, s.customer]);
    for (let i = 0; i < 500; i++) await s.customer.call('annotation:draw', { sessionId: s.sessionId, stroke: maxStroke(s.producerId) });
    const perCustomer = Math.floor(LIMITS.pointsPerParticipant / LIMITS.strokePoints);
    expect(world.server.app.services.annotations.size(s.sessionId)).toMatchObject({ strokes: perCustomer, points: perCustomer * LIMITS.strokePoints });
    // Everyone was told which old strokes went away.
    await s.agent.waitForEvent('annotation:erased', () => s.agent.received('annotation:erased').length === 500 - perCustomer);

    const others = [await joinCustomer(world, s, 'Second'), await joinCustomer(world, s, 'Third')];
    for (const other of others) {
      for (let i = 0; i < perCustomer; i++) await other.client.call('annotation:draw', { sessionId: s.sessionId, stroke: maxStroke(s.producerId) });
    }
    expect(await s.agent.request('annotation:draw', { sessionId: s.sessionId, stroke: maxStroke(s.producerId) })).toMatchObject({
      ok: false, error: { code: 'MEDIA_LIMIT' },
    });
    const late = await joinCustomer(world, s, 'Late');
    expect(bytesOf(late.snapshot.strokes)).toBeLessThanOrEqual(LIMITS.snapshotStrokeBytes);
    expect(late.snapshot.strokes.length).toBeGreaterThan(0);

    await s.agent.call('annotation:clear', { sessionId: s.sessionId });
    await s.agent.call('annotation:draw', { sessionId: s.sessionId, stroke: maxStroke(s.producerId) });
    const heapAfter = heapAfterGc([s.agent, s.customer, late.client, ...others.map((o) => o.client)]);
    // The drawing holds at most 60,000 points (~1 MiB of JSON) however much was drawn.
    if (heapBefore !== null && heapAfter !== null) expect(heapAfter - heapBefore).toBeLessThan(16 * 1024 * 1024);
  });

  it('a (re)join snapshot carries the newest 200 messages; the session record keeps them all', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(s.agent, s.customer);
    const text = 'x'.repeat(LIMITS.chatTextLength);
    const total = LIMITS.snapshotChatMessages + 100;
    for (let i = 0; i < total; i++) await s.customer.call('chat:send', { sessionId: s.sessionId, text: `${i} ${text}`.slice(0, LIMITS.chatTextLength) });
    // The agent's page reloads (a customer who joins later sees none of it: privacy between customers).
    const again = await s.agent.call('session:join', { sessionId: s.sessionId });
    expect(again.chat).toHaveLength(LIMITS.snapshotChatMessages);
    expect(again.chat[0]?.seq).toBe(total - LIMITS.snapshotChatMessages);
    expect(again.chat.at(-1)?.seq).toBe(total - 1);
    expect(bytesOf(again.chat)).toBeLessThan(LIMITS.snapshotChatMessages * (LIMITS.chatTextLength + 400));

    const record = await fetch(`${world.server.url}${ROUTES.sessionRecord(s.sessionId)}`, { headers: { authorization: `Bearer ${s.signedIn.token}` } });
    const body = (await record.json()) as { ok: true; data: SessionRecordResponse };
    expect(body.data.chat).toHaveLength(total);
  });
});
