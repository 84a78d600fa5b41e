import { ROUTES } from '@rs/signaling';
import { startRedisServer } from '../support/redis-server';
import type { RedisServerHandle } from '../support/redis-server';
import { TestClient, login, newAgent, postJson } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

/** Sign-out cuts the sockets opened with that token, on every node, and only those. */
describe('sign-out and open sockets', () => {
  let redis: RedisServerHandle;
  let nodes: TestServer[];
  const clients: TestClient[] = [];
  beforeAll(async () => {
    redis = await startRedisServer();
    const shared = { redisUrl: redis.url, tokenSecret: 'a-secret-both-nodes-share-0123456789' };
    nodes = [await startTestServer(shared), await startTestServer(shared)];
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await redis.stop();
  });

  async function signedInTwice() {
    const [a, b] = nodes.map((n) => n.url) as [string, string];
    const account = await newAgent(a, TEST_ADMIN);
    const [first, second] = [await login(a, account), await login(a, account)];
    const open = async (url: string, token: string) => {
      const client = await TestClient.connect(url, token);
      clients.push(client);
      return client;
    };
    return { a, b, first, second, onA: await open(a, first.token), onB: await open(b, first.token), other: await open(a, second.token) };
  }

  it('disconnects the token\'s sockets on this node and on another node, tells them why, and leaves other tokens alone', async () => {
    const { a, b, first, onA, onB, other } = await signedInTwice();
    expect(await onA.call('agent:sessions', {})).toEqual({ sessions: [] });
    expect((await postJson(a, ROUTES.logout, {}, first.token)).status).toBe(200);
    await waitFor('both sockets of the signed-out token disconnected', () => (!onA.socket.connected && !onB.socket.connected) || undefined);
    expect(onA.received('protocol:error')).toEqual([expect.objectContaining({ code: 'UNAUTHENTICATED' })]);
    expect(other.socket.connected).toBe(true);
    expect(await other.call('agent:sessions', {})).toEqual({ sessions: [] });
    await expect(TestClient.connect(b, first.token)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  });
});
