import { ROUTES } from '@rs/signaling';
import { RawSocket, RawTcp } from '../support/raw-socket';
import { TestClient, login, newAgent } from '../support/signaling-client';
import { TEST_ADMIN, useTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/** Connections that hold resources without talking are closed (short timeouts here; 10 s / 30 s by default). */
describe('idle and unauthenticated connections', () => {
  const world = useTestServer({ idleTimeoutSeconds: 1, handshakeTimeoutSeconds: 1 });

  it('closes silent TCP connections and slow headers, while a signed-in socket stays connected', async () => {
    const agent = await TestClient.connect(world.server.url, (await login(world.server.url, await newAgent(world.server.url, TEST_ADMIN))).token);
    world.clients.push(agent);
    const silent = await Promise.all(Array.from({ length: 10 }, () => RawTcp.open(world.server.url)));
    const slow = await RawTcp.open(world.server.url);
    slow.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
    await waitFor('every silent connection closed', () => [...silent, slow].every((c) => c.closed) || undefined);
    // Told 408 Request Timeout (or nothing), never anything else.
    for (const c of [...silent, slow]) expect(c.received).toMatch(/^(HTTP\/1\.1 408 [^]*)?$/);
    expect(await agent.call('agent:sessions', {})).toEqual({ sessions: [] });
    expect(agent.socket.connected).toBe(true);
  });

  it('answers a complete request on a fresh connection, then closes it when it goes quiet', async () => {
    const tcp = await RawTcp.open(world.server.url);
    tcp.write(`GET ${ROUTES.health} HTTP/1.1\r\nHost: x\r\n\r\n`);
    await waitFor('the health answer', () => tcp.received.includes('"ok":true'));
    expect(tcp.received).toMatch(/^HTTP\/1\.1 200/);
    await waitFor('the kept-alive connection closed', () => tcp.closed);
  });

  it('drops engine.io connections that never authenticate their socket, and refuses a bad token at once', async () => {
    const never = await Promise.all(Array.from({ length: 5 }, () => RawSocket.open(world.server.url)));
    await waitFor('never-authenticating connections dropped', () => never.every((c) => c.closed) || undefined);
    const forged = await RawSocket.open(world.server.url);
    forged.send('40{"token":"forged.token.here","protocolVersion":1}');
    await waitFor('connect error', () => forged.text().find((f) => f.startsWith('44')));
  });
});
