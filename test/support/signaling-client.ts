import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, ROUTES } from '@rs/signaling';
import type {
  AgentLoginResponse,
  CreateSessionResponse,
  CustomerJoinResponse,
  RequestName,
  ResponseOf,
  Result,
  ServerEventName,
  ServerEventOf,
} from '@rs/signaling';
import { waitFor } from './wait-for';

/** A Node-side protocol client for integration tests: raw emits allowed, events recorded. */
export class TestClient {
  readonly events: { name: string; payload: unknown }[] = [];

  private constructor(readonly socket: Socket) {
    socket.onAny((name: string, payload: unknown) => this.events.push({ name, payload }));
  }

  static async connect(url: string, token: string, protocolVersion = PROTOCOL_VERSION): Promise<TestClient> {
    const socket = io(url, { auth: { token, protocolVersion }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
    return new TestClient(socket);
  }

  /** Sends any event name with any payload (to test what the server refuses). */
  raw(name: string, payload: unknown): Promise<Result<unknown>> {
    return this.socket.timeout(10_000).emitWithAck(name, payload) as Promise<Result<unknown>>;
  }

  request<N extends RequestName>(name: N, payload: unknown): Promise<Result<ResponseOf<N>>> {
    return this.raw(name, payload) as Promise<Result<ResponseOf<N>>>;
  }

  /** Like request, but throws unless the answer is ok. */
  async call<N extends RequestName>(name: N, payload: unknown): Promise<ResponseOf<N>> {
    const result = await this.request(name, payload);
    if (!result.ok) throw new Error(`${name} refused: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  received<N extends ServerEventName>(name: N): ServerEventOf<N>[] {
    return this.events.filter((e) => e.name === name).map((e) => e.payload as ServerEventOf<N>);
  }

  waitForEvent<N extends ServerEventName>(name: N, match: (p: ServerEventOf<N>) => boolean = () => true): Promise<ServerEventOf<N>> {
    return waitFor(`event ${name}`, () => this.received(name).find(match));
  }

  close(): void {
    this.socket.close();
  }
}

export async function postJson<T>(url: string, path: string, body: unknown, token?: string): Promise<{ status: number; body: Result<T> }> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Result<T> };
}

function unwrap<T>(result: { body: Result<T> }): T {
  if (!result.body.ok) throw new Error(`${result.body.error.code}: ${result.body.error.message}`);
  return result.body.data;
}

/** Signs in the dev agent, starts a session, joins one customer; both sockets joined. */
export async function startSessionWithCustomer(url: string, customerName = 'Casey') {
  const login = unwrap(await postJson<AgentLoginResponse>(url, ROUTES.agentLogin, { username: 'agent', password: 'agent' }));
  const created = unwrap(await postJson<CreateSessionResponse>(url, ROUTES.sessions, {}, login.token));
  const sessionId = created.session.id;
  const agent = await TestClient.connect(url, login.token);
  const agentSnapshot = await agent.call('session:join', { sessionId });
  const joined = unwrap(await postJson<CustomerJoinResponse>(url, ROUTES.join, { sessionNumber: created.session.number, displayName: customerName }));
  const customer = await TestClient.connect(url, joined.token);
  const customerSnapshot = await customer.call('session:join', { sessionId });
  return { login, created, sessionId, agent, customer, joined, agentSnapshot, customerSnapshot };
}
