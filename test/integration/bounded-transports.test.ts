import { LIMITS } from '@rs/signaling';
import type { SessionMedia } from '../../server/src/media/session-media';
import { socketsOfProcess } from '../support/process-sockets';
import { newAgent, startSessionWithCustomer } from '../support/signaling-client';
import type { TestClient } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/** Transports and media ports one participant can hold, and how long an unconnected transport lives. */

/** What the node really holds for a session: transports in the worker, and the worker's open sockets. */
async function holdings(room: SessionMedia) {
  return { transports: (await room.transportIdsInWorker()).length, sockets: await socketsOfProcess(room.workerPid) };
}

const createSend = (client: TestClient, sessionId: string) => client.request('media:create-transport', { sessionId, direction: 'send' });

describe('transports per participant', () => {
  // No reconnect grace: a closed connection releases its media at once (the grace is tested in media-faults).
  const world = useTestServer({ media: { reconnectGraceSeconds: 0 } } as never);

  it('a customer creating transports in a burst and then in a loop is capped; the worker holds no more than the cap', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(s.agent, s.customer);
    const room = await world.server.app.services.rooms.get(s.sessionId);
    const before = await holdings(room);

    const burst = await Promise.all(Array.from({ length: 99 }, () => createSend(s.customer, s.sessionId)));
    expect(burst.filter((r) => r.ok)).toHaveLength(LIMITS.transportsPerParticipant);
    expect(new Set(burst.flatMap((r) => (r.ok ? [] : [r.error.code])))).toEqual(new Set(['MEDIA_LIMIT']));
    for (let i = 0; i < 20; i++) expect(await createSend(s.customer, s.sessionId)).toMatchObject({ ok: false, error: { code: 'MEDIA_LIMIT' } });

    const capped = await holdings(room);
    expect(capped.transports - before.transports).toBe(LIMITS.transportsPerParticipant);
    // One UDP port and one TCP listening port per transport, nothing more.
    expect(capped.sockets.udp - before.sockets.udp).toBe(LIMITS.transportsPerParticipant);
    expect(capped.sockets.tcp - before.sockets.tcp).toBe(LIMITS.transportsPerParticipant);

    // The agent still gets a transport: the cap is per participant.
    expect(await s.agent.request('media:create-transport', { sessionId: s.sessionId, direction: 'recv' })).toMatchObject({ ok: true });

    // The customer's connection closes: their transports and ports go with it.
    s.customer.close();
    await waitFor('the customer\'s transports closed in the worker', async () => ((await holdings(room)).transports === before.transports + 1 ? true : undefined));
    const after = await holdings(room);
    expect(after.sockets).toEqual({ udp: before.sockets.udp + 1, tcp: before.sockets.tcp + 1 });
  });
});

describe('transports that never connect', () => {
  const TIMEOUT_SECONDS = 1;
  const world = useTestServer({ media: { transportTimeoutSeconds: TIMEOUT_SECONDS } } as never);

  it('an unconnected transport is closed by the server after the timeout, and only its owner is told', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(s.agent, s.customer);
    const room = await world.server.app.services.rooms.get(s.sessionId);
    const transport = await s.customer.call('media:create-transport', { sessionId: s.sessionId, direction: 'send' });
    expect(await room.transportIdsInWorker()).toContain(transport.id);

    const closed = await s.customer.waitForEvent('media:transport-closed', (e) => e.transportId === transport.id);
    expect(closed).toEqual({ sessionId: s.sessionId, transportId: transport.id, reason: 'timeout' });
    expect(await room.transportIdsInWorker()).not.toContain(transport.id);
    expect(s.agent.received('media:transport-closed')).toHaveLength(0);
    const dtlsParameters = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: FINGERPRINT }] };
    expect(await s.customer.request('media:connect-transport', { sessionId: s.sessionId, transportId: transport.id, dtlsParameters })).toMatchObject({
      ok: false, error: { code: 'MEDIA_NOT_FOUND' },
    });
  });

  it('transport creation is rate-limited per participant even when the slots are freed', async () => {
    const s = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(s.agent, s.customer);
    let created = 0;
    while (created < LIMITS.transportCreationsPerMinute) {
      const batch = await Promise.all(Array.from({ length: LIMITS.transportsPerParticipant }, () => createSend(s.customer, s.sessionId)));
      const ids = batch.flatMap((r) => (r.ok ? [r.data.id] : []));
      expect(ids).toHaveLength(LIMITS.transportsPerParticipant);
      created += ids.length;
      // The server frees the slots (timeout); only the rate limit is left to stop the next batch.
      for (const id of ids) await s.customer.waitForEvent('media:transport-closed', (e) => e.transportId === id);
    }
    expect(created).toBe(LIMITS.transportCreationsPerMinute);
    expect(await createSend(s.customer, s.sessionId)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  });
});

/** Any valid SHA-256 fingerprint: the transport never gets as far as checking it. */
const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');
