import { ROUTES } from '@rs/signaling';
import type { HelpRequest, HelpResponse, Queue, QueueCreateRequest, QueueRecordsResponse, QueueUpdateRequest, Result } from '@rs/signaling';
import { TestClient, login, newAgent, postJson, unwrap } from './signaling-client';
import type { Credentials } from './signaling-client';
import { startRedisServer } from './redis-server';
import type { RedisServerHandle } from './redis-server';
import { TEST_ADMIN, startTestServer } from './test-server';
import type { TestServer } from './test-server';

/** Any REST call with a JSON body (PATCH, DELETE, GET) and its status. */
export async function callJson<T>(url: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Result<T> }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Result<T> };
}

export const queueSettings = (over: Partial<QueueCreateRequest> = {}): QueueCreateRequest => ({
  name: { en: 'Billing', fr: 'Facturation' }, greeting: { en: 'Hello, an agent will be with you soon.', fr: 'Bonjour, un agent arrive.' },
  routing: 'manual', offerTimeoutSeconds: 20, maxWaitSeconds: 600, maxSessionsPerAgent: null, wrapUpSeconds: 0,
  missedOffersBeforeAway: 3, members: [], formFields: [], ...over,
});

/** A signed-in agent with a socket, member of the given queues. */
export interface QueueAgent {
  id: string;
  token: string;
  client: TestClient;
  credentials: Credentials;
}

/** Builds queues, agents and waiting customers through the real REST and socket APIs of one server. */
export class QueueWorld {
  readonly clients: TestClient[] = [];
  private adminToken: string | null = null;

  constructor(public url: string) {}

  async admin(): Promise<string> {
    this.adminToken ??= (await login(this.url, TEST_ADMIN)).token;
    return this.adminToken;
  }

  async createQueue(over: Partial<QueueCreateRequest> = {}): Promise<Queue> {
    return unwrap(await postJson<Queue>(this.url, ROUTES.queues, queueSettings(over), await this.admin()));
  }

  async updateQueue(queueId: string, changes: QueueUpdateRequest): Promise<Queue> {
    return unwrap(await callJson<Queue>(this.url, 'PATCH', ROUTES.queue(queueId), changes, await this.admin()));
  }

  /** A new agent account added to these queues, signed in, console connected. */
  async agent(queues: Queue[], maxSessions = 3, name = 'Agent'): Promise<QueueAgent> {
    const account = await newAgent(this.url, TEST_ADMIN, maxSessions, name);
    for (const queue of queues) {
      const current = unwrap(await callJson<{ queues: Queue[] }>(this.url, 'GET', ROUTES.queues, undefined, await this.admin())).queues.find((q) => q.id === queue.id);
      await this.updateQueue(queue.id, { members: [...(current?.members ?? []), account.id] });
    }
    const { token } = await login(this.url, account);
    const client = await this.connect(token);
    return { id: account.id, token, client, credentials: account };
  }

  request(queueId: string, over: Partial<HelpRequest> = {}, name = 'Casey'): Promise<{ status: number; body: Result<HelpResponse> }> {
    return postJson<HelpResponse>(this.url, ROUTES.help, { queueId, language: 'en', form: { name, fields: {} }, ...over });
  }

  /** A customer who filled the form and whose waiting page is open. */
  async customer(queueId: string, name = 'Casey', over: Partial<HelpRequest> = {}): Promise<{ help: HelpResponse; page: TestClient }> {
    const help = unwrap(await this.request(queueId, over, name));
    return { help, page: await this.connect(help.waitToken) };
  }

  async connect(token: string): Promise<TestClient> {
    const client = await TestClient.connect(this.url, token);
    this.clients.push(client);
    return client;
  }

  async records(queueId?: string): Promise<QueueRecordsResponse['records']> {
    const query = queueId ? `?queueId=${queueId}` : '';
    return unwrap(await callJson<QueueRecordsResponse>(this.url, 'GET', `${ROUTES.queueRecords}${query}`, undefined, await this.admin())).records;
  }

  closeClients(): void {
    this.clients.splice(0).forEach((c) => c.close());
  }
}

/**
 * A test server (memory store, or Redis on its own redis-server) with fast queue ticks and the
 * help-request limit lifted, and a QueueWorld on it, for one describe block.
 */
export function useQueueWorld(kind: 'memory' | 'redis'): { readonly world: QueueWorld; readonly server: TestServer } {
  let redis: RedisServerHandle | null = null;
  const env = {} as { world: QueueWorld; server: TestServer };
  beforeAll(async () => {
    redis = kind === 'redis' ? await startRedisServer() : null;
    env.server = await startTestServer({ redisUrl: redis?.url, helpRequestsPerAddress: 10_000, queueTickMs: 100 });
    env.world = new QueueWorld(env.server.url);
  });
  afterEach(() => env.world.closeClients());
  afterAll(async () => {
    await env.server?.close();
    await redis?.stop();
  });
  return env;
}
