import type { Result, AcceptResponse } from '@rs/signaling';
import { QueueWorld } from '../support/queue-world';
import type { QueueAgent } from '../support/queue-world';
import { startRedisServer } from '../support/redis-server';
import type { RedisServerHandle } from '../support/redis-server';
import { login } from '../support/signaling-client';
import { startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';

const ROUNDS = 100;
const SECRET = 'a-secret-every-node-shares-0123456789';

/**
 * Accepting is atomic: two agents pressing Accept next on the same head of the
 * queue at the same moment (with Redis: on two server processes) -> exactly
 * one gets the customer, the other is told the queue is empty; nobody is lost.
 */
describe.each(['memory', 'redis'] as const)('concurrent Accept next (%s store)', (kind) => {
  let redis: RedisServerHandle | null = null;
  let nodes: TestServer[] = [];
  let worlds: QueueWorld[] = [];
  beforeAll(async () => {
    redis = kind === 'redis' ? await startRedisServer() : null;
    const config = { redisUrl: redis?.url, tokenSecret: SECRET, helpRequestsPerAddress: 10_000 };
    nodes = kind === 'redis' ? [await startTestServer(config), await startTestServer(config)] : [await startTestServer(config)];
    worlds = nodes.map((n) => new QueueWorld(n.url));
  });
  afterAll(async () => {
    worlds.forEach((w) => w.closeClients());
    await Promise.all(nodes.map((n) => n.close()));
    await redis?.stop();
  });

  it(`${ROUNDS} rounds: exactly one of two agents wins each head, no customer is lost`, async () => {
    const [w1, w2 = w1] = worlds as [QueueWorld, QueueWorld?];
    const queue = await w1.createQueue();
    const a = await w1.agent([queue], 20, 'Agent A');
    const accountB = await w1.agent([queue], 20, 'Agent B');
    // Agent B's console on the other node (Redis), or a second console on the same one.
    const b: QueueAgent = { ...accountB, client: await w2.connect((await login(w2.url, accountB.credentials)).token) };
    const wins = new Map<string, string>();
    for (let round = 0; round < ROUNDS; round++) {
      const { help } = await w1.customer(queue.id, `Customer ${round}`);
      const answers = await Promise.all([a, b].map((agent) => agent.client.request('queue:accept-next', { queueId: queue.id })));
      const won = answers.filter((r): r is Result<AcceptResponse> & { ok: true } => r.ok);
      expect(won).toHaveLength(1);
      expect(answers.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['QUEUE_EMPTY']);
      const winner = answers[0]?.ok ? a : b;
      const accepted = won[0]?.data as AcceptResponse;
      expect(accepted.entryId).toBe(help.entryId);
      wins.set(help.entryId, winner.id);
      await winner.client.call('session:join', { sessionId: accepted.session.id });
      await winner.client.call('session:end', { sessionId: accepted.session.id });
    }
    const records = await w1.records(queue.id);
    expect(records).toHaveLength(ROUNDS);
    for (const record of records) {
      expect(record.outcome).toBe('accepted');
      expect(record.acceptedBy).toBe(wins.get(record.entryId));
    }
    expect(await a.client.request('queue:accept-next', {})).toMatchObject({ ok: false, error: { code: 'QUEUE_EMPTY' } });
  });
});

describe('queue state across a server restart (Redis)', () => {
  let redis: RedisServerHandle;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.stop());

  it('keeps the queue, the order and the waiting customers; their wait tokens still work', async () => {
    const config = { redisUrl: redis.url, tokenSecret: SECRET, helpRequestsPerAddress: 10_000 };
    let server = await startTestServer(config);
    let world = new QueueWorld(server.url);
    const queue = await world.createQueue({ name: { en: 'Durable' } });
    const agent = await world.agent([queue], 3, 'Agent');
    const customers = [await world.customer(queue.id, 'One'), await world.customer(queue.id, 'Two'), await world.customer(queue.id, 'Three')];
    world.closeClients();
    await server.close();

    server = await startTestServer(config);
    try {
      world = new QueueWorld(server.url);
      const second = await world.connect(customers[1]?.help.waitToken ?? '');
      expect(await second.call('queue:status', {})).toMatchObject({ entryId: customers[1]?.help.entryId, position: 2, queueName: { en: 'Durable' } });
      const console2 = await world.connect((await login(server.url, agent.credentials)).token);
      const snapshot = await console2.call('queue:list', {});
      expect(snapshot.queues.map((v) => v.entries.map((e) => e.customerName))).toEqual([['One', 'Two', 'Three']]);
      const accepted = await console2.call('queue:accept-next', {});
      expect(accepted.entry.customerName).toBe('One');
      await second.waitForEvent('queue:status', (s) => s.position === 1);
      expect((await world.records(queue.id)).map((r) => r.outcome).sort()).toEqual(['accepted', 'waiting', 'waiting']);
    } finally {
      world.closeClients();
      await server.close();
    }
  });
});
