import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROUTES } from '@rs/signaling';
import type { CustomerJoinResponse, SessionRecordResponse } from '@rs/signaling';
import { startRedisServer } from '../support/redis-server';
import type { RedisServerHandle } from '../support/redis-server';
import { login, newAgent, postJson, startSessionWithCustomer } from '../support/signaling-client';
import type { Credentials, TestClient } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

const UNAVAILABLE = { ok: false, error: { code: 'STORE_UNAVAILABLE' } };

/** Redis stalls (SIGSTOP) or dies (SIGKILL, restarted on its port with its append-only file). */
describe('Redis unavailable: requests fail fast with STORE_UNAVAILABLE, the server heals by itself', () => {
  let dir: string;
  let redis: RedisServerHandle;
  let server: TestServer;
  let agentAccount: Credentials;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rs-aof-'));
    redis = await startRedisServer({ appendOnlyDir: dir });
    server = await startTestServer({ redisUrl: redis.url, storeTimeoutMs: 1_000 });
    agentAccount = await newAgent(server.url, TEST_ADMIN);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = () => postJson(server.url, ROUTES.login, { username: agentAccount.username, password: agentAccount.password });
  const join = (sessionNumber: string) => postJson<CustomerJoinResponse>(server.url, ROUTES.join, { sessionNumber, displayName: 'Dana' });

  it('a stalled Redis: sign-in and join answer 503 STORE_UNAVAILABLE while it is stopped, then work again', async () => {
    const s = await startSessionWithCustomer(server.url, agentAccount);
    clients.push(s.agent, s.customer);
    process.kill(redis.pid, 'SIGSTOP');
    try {
      // Answered while Redis is still stopped: the requests do not wait for the outage to end.
      const [refusedSignIn, refusedJoin] = await Promise.all([signIn(), join(s.created.session.number)]);
      expect(refusedSignIn).toMatchObject({ status: 503, body: UNAVAILABLE });
      expect(refusedJoin).toMatchObject({ status: 503, body: UNAVAILABLE });
    } finally {
      process.kill(redis.pid, 'SIGCONT');
    }
    await waitFor('sign-in to work again', async () => (await signIn()).status === 200);
    expect((await join(s.created.session.number)).status).toBe(200);
  });

  it('a killed Redis: requests and socket acks fail with the code; restarted, it serves everything written before', async () => {
    const s = await startSessionWithCustomer(server.url, agentAccount);
    clients.push(s.agent, s.customer);
    await s.agent.call('chat:send', { sessionId: s.sessionId, text: 'written before the outage' });
    await s.agent.call('notes:update', { sessionId: s.sessionId, text: 'notes before' });

    process.kill(redis.pid, 'SIGKILL');
    await redis.stop();
    expect(await signIn()).toMatchObject({ status: 503, body: UNAVAILABLE });
    expect(await join(s.created.session.number)).toMatchObject({ status: 503, body: UNAVAILABLE });
    expect(await s.agent.request('chat:send', { sessionId: s.sessionId, text: 'during the outage' })).toMatchObject(UNAVAILABLE);

    redis = await startRedisServer({ port: redis.port, appendOnlyDir: dir });
    const { token } = await waitFor('sign-in to work again', async () => (await signIn()).status === 200 && login(server.url, agentAccount));
    expect((await join(s.created.session.number)).status).toBe(200);
    const record = await fetch(`${server.url}${ROUTES.sessionRecord(s.sessionId)}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await record.json()) as { ok: true; data: SessionRecordResponse };
    expect(body.data.chat.map((m) => m.text)).toEqual(['written before the outage']);
    expect(body.data.notes).toBe('notes before');
    expect(await s.agent.request('chat:send', { sessionId: s.sessionId, text: 'after the outage' })).toMatchObject({ ok: true });
  });
});
