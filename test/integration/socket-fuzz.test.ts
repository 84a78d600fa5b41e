import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ROUTES, clientRequests } from '@rs/signaling';
import type { RequestName } from '@rs/signaling';
import { MAX_MESSAGE_BYTES } from '../../server/src/gateway/socket-server';
import { RawSocket, RawTcp } from '../support/raw-socket';
import { admitAnotherCustomer, newAgent, startSessionWithCustomer } from '../support/signaling-client';
import type { TestClient } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer, useTestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/**
 * No input can crash the server: event names of every JSON type, any arity,
 * binary attachments, malformed socket.io/engine.io packets written straight to
 * a WebSocket, absurd nesting and sizes. Each is answered (a code) or its
 * connection is dropped; afterwards a fresh customer joins, and another session
 * is unaffected. (A crash would end this very process: jest fails the test.)
 */
describe('fuzzing the socket edge', () => {
  const world = useTestServer();
  type Started = Awaited<ReturnType<typeof startSessionWithCustomer>>;
  let target: Started;
  let bystander: Started;
  beforeAll(async () => {
    target = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    bystander = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
  });
  afterAll(() => [target, bystander].forEach((s) => [s.agent, s.customer].forEach((c) => c.close())));

  async function freshCustomer(): Promise<{ client: TestClient; token: string }> {
    const { client, joined } = await admitAnotherCustomer(world.server.url, target.agent, { sessionId: target.sessionId, number: target.created.session.number }, 'Fresh');
    world.clients.push(client);
    return { client, token: joined.token };
  }

  /** A fresh customer joins the attacked session; the other session's sockets still talk to each other. */
  async function expectStillServing(): Promise<void> {
    await freshCustomer();
    const text = `still here ${randomUUID()}`;
    await bystander.customer.call('chat:send', { sessionId: bystander.sessionId, text });
    await bystander.agent.waitForEvent('chat:message', (m) => m.text === text);
    expect([bystander.agent.socket.connected, bystander.customer.socket.connected]).toEqual([true, true]);
  }

  const anyName = (name: unknown) => name as string;

  it('answers event names the parser lets through (numbers, odd strings) with UNKNOWN_EVENT, with or without an acknowledgement, any arity', async () => {
    const socket = target.customer.socket;
    const names: unknown[] = [42, 0, -1, 1.5, 1e308, 'error', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(10_000)];
    for (const name of names) {
      for (const args of [[], [1], [{ sessionId: target.sessionId }, 'two', ['three']], [Buffer.from('binary')]]) {
        const answer: unknown = await socket.timeout(5000).emitWithAck(anyName(name), ...args);
        expect({ name, answer }).toMatchObject({ name, answer: { ok: false, error: { code: 'UNKNOWN_EVENT' } } });
      }
      const before = target.customer.received('protocol:error').length;
      socket.emit(anyName(name), 'no ack');
      await waitFor(`protocol:error for ${String(name).slice(0, 20)}`, () => target.customer.received('protocol:error').length > before);
    }
    expect(target.customer.received('protocol:error').at(-1)).toMatchObject({ code: 'UNKNOWN_EVENT' });
    expect(socket.connected).toBe(true);
    await expectStillServing();
  });

  it('answers a request without a payload, with extra arguments or with binary data with INVALID_PAYLOAD', async () => {
    const socket = target.customer.socket;
    const variants: unknown[][] = [[], [{ sessionId: target.sessionId, text: 'a' }, 'extra'], [Buffer.from('x')], [{ sessionId: target.sessionId, text: Buffer.from('x') }]];
    for (const args of variants) {
      expect(await socket.timeout(5000).emitWithAck('chat:send', ...args)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    }
    await expectStillServing();
  });

  it('drops a connection whose event name the parser refuses (null, boolean, array, object), telling it why', async () => {
    for (const name of [null, true, false, [], ['chat:send'], {}, { a: 1 }]) {
      const { client } = await freshCustomer();
      client.socket.emit(anyName(name), { sessionId: target.sessionId });
      await waitFor(`the connection that sent ${JSON.stringify(name)} closed`, () => !client.socket.connected);
      expect(client.received('protocol:error')).toEqual([expect.objectContaining({ code: 'INVALID_PAYLOAD' })]);
    }
    await expectStillServing();
  });

  it('drops or answers every malformed packet written straight to the WebSocket', async () => {
    const nested = (depth: number) => `42["chat:send",${'['.repeat(depth)}${']'.repeat(depth)}]`;
    const nestedObject = (depth: number) => `42["chat:send",${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}]`;
    const frames: (string | Buffer)[][] = [
      [''], ['x'], ['9'], ['4'], ['4x'], ['40'], ['41'], ['42'], ['42['], ['42[]'], ['42{}'], ['42"x"'], ['42[null]'], ['42[{}]'], ['42[[]]'],
      ['42[true]'], ['42["chat:send"'], ['421["chat:send"]'], ['4299999999999999999999["x"]'], ['43'], ['43[]'], ['435[1]'], ['44'], ['44{}'],
      ['45'], ['45-["x"]'], ['4599-["x"]'], ['451-["chat:send",{"_placeholder":true,"num":0}]', 'text instead of binary'],
      ['451-["chat:send",{"_placeholder":true,"num":7}]', Buffer.from([1, 2, 3])], ['452-["x",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]', Buffer.from([1])],
      ['453-["x"]'], ['4/admin,["x"]'], ['40/nowhere,{}'], ['42/,["x"]'], [Buffer.from([4, 1, 2])], ['1'], ['3'], ['5'], ['6'], ['2'],
      [nested(50_000)], [nestedObject(10_000)], [`42["chat:send",{"sessionId":"${randomUUID()}","text":"${'['.repeat(1000)}"}]`],
      [`42["chat:send","${'x'.repeat(200 * 1024)}"]`], [nested(120_000)],
    ];
    const { token } = await freshCustomer();
    for (const sequence of frames) {
      const raw = await RawSocket.open(world.server.url, token);
      for (const frame of sequence) raw.send(frame);
      // A request after the garbage, sent until it is answered (the garbage was refused in place) or the connection is dropped.
      const outcome = await waitFor(`an answer or a close after ${JSON.stringify(sequence.map((f) => String(f).slice(0, 40)))}`, () => {
        raw.send('42987["agent:sessions",{}]');
        return raw.closed ? 'closed' : raw.ack(987) ? 'answered' : undefined;
      });
      expect(outcome === 'closed' || (raw.ack(987) as { error: { code: string } }).error.code === 'FORBIDDEN').toBe(true);
      raw.close();
    }
    await expectStillServing();
  });

  it('refuses a nesting bomb before parsing it, and a message over the size limit', async () => {
    const { token } = await freshCustomer();
    const deep = await RawSocket.open(world.server.url, token);
    deep.send(`42["chat:send",${'['.repeat(60_000)}${']'.repeat(60_000)}]`);
    await waitFor('the nesting bomb connection closed', () => deep.closed);
    expect(deep.text()).toContainEqual(expect.stringContaining('nested deeper than'));
    const big = await RawSocket.open(world.server.url, token);
    big.send(`42["chat:send","${'x'.repeat(MAX_MESSAGE_BYTES + 16 * 1024)}"]`);
    await waitFor('the oversized connection closed', () => big.closed);
    expect(big.closed?.code).toBe(1009);
    await expectStillServing();
  });

  it('answers every malformed HTTP request with a 4xx code (or closes it), never a 5xx', async () => {
    const { url } = world.server;
    const bodies = ['{', 'null', '[]', '"x"', '{"__proto__":{"admin":true}}', `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'x'.repeat(70 * 1024)];
    const statuses: number[] = [];
    for (const path of [ROUTES.join, ROUTES.login, '/api/nope', '/socket.io/?EIO=4&transport=polling&sid=bogus', '/socket.io/?EIO=99&transport=polling']) {
      for (const body of bodies) {
        for (const type of ['application/json', 'text/plain', 'multipart/form-data; boundary=x']) {
          statuses.push((await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type }, body })).status);
        }
      }
      for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) statuses.push((await fetch(`${url}${path}`, { method })).status);
    }
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
    for (const garbage of ['GARBAGE\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', `GET /${'a'.repeat(20_000)} HTTP/1.1\r\nX: ${'b'.repeat(20_000)}\r\n\r\n`,
      'GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n']) {
      const tcp = await RawTcp.open(url);
      tcp.write(garbage);
      await waitFor('an HTTP answer or a close', () => /^HTTP\/1\.1 4\d\d/.test(tcp.received) || tcp.closed);
      expect(tcp.received).toMatch(/^(HTTP\/1\.1 4\d\d [^]*)?$/);
      tcp.close();
    }
    await expectStillServing();
  });

  it('never answers a client mistake with INTERNAL, whatever the event, payload or role', async () => {
    const scratch = await startSessionWithCustomer(world.server.url, await newAgent(world.server.url, TEST_ADMIN));
    world.clients.push(scratch.agent, scratch.customer);
    const { sessionId } = scratch;
    const payloads = (): unknown[] => [
      undefined, null, 0, 'text', [], {}, { sessionId: randomUUID() }, { sessionId }, { sessionId, extra: 1 },
      { sessionId, transportId: randomUUID(), producerId: randomUUID(), consumerId: randomUUID(), requestId: randomUUID(), participantId: randomUUID() },
      { sessionId, kind: 'video', rtpParameters: {}, appData: {}, rtpCapabilities: { codecs: [] }, dtlsParameters: { fingerprints: [] } },
    ];
    const answers: { name: string; role: string; code: string }[] = [];
    for (const name of Object.keys(clientRequests) as RequestName[]) {
      if (name === 'session:end' || name === 'session:leave') continue;
      for (const [role, client] of [['agent', scratch.agent], ['customer', scratch.customer]] as const) {
        for (const payload of payloads()) {
          const result = await client.raw(name, payload);
          if (!result.ok) answers.push({ name, role, code: result.error.code });
        }
      }
    }
    expect(answers.filter((a) => a.code === 'INTERNAL')).toEqual([]);
    expect(answers.length).toBeGreaterThan(100);
    await expectStillServing();
  });
});

describe('logs under a flood of junk', () => {
  it('summarises repeated lines: thousands of junk events from one socket write a handful of lines', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const server = await startTestServer({}, { log: pino({ level: 'info' }, sink) });
    try {
      const s = await startSessionWithCustomer(server.url, await newAgent(server.url, TEST_ADMIN));
      const junk = [42, 'nope', 'chat:send'] as const;
      for (let i = 0; i < 3000; i++) s.customer.socket.emit(String(junk[i % 3]), { junk: i });
      const answered = await s.customer.request('chat:send', { sessionId: s.sessionId, text: 'after the flood' });
      expect(answered.ok).toBe(true);
      await waitFor('the junk answered', () => s.customer.received('protocol:error').length >= 3000);
      const about = (message: string) => lines.filter((line) => line.includes(`"msg":"${message}"`)).length;
      expect([about('unknown event'), about('request without acknowledgement')]).toEqual([5, 5]);
      expect(lines.join('').length).toBeLessThan(50_000);
      [s.agent, s.customer].forEach((c) => c.close());
    } finally {
      await server.close();
    }
    expect(lines.filter((line) => line.includes('"msg":"log lines suppressed"')).map((l) => JSON.parse(l) as { suppressed: number })).toEqual(
      expect.arrayContaining([expect.objectContaining({ suppressed: 1995 })]),
    );
  });
});
