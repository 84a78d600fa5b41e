import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, ROUTES } from '@rs/signaling';
import type {
  AccountProfile,
  CreateAccountRequest,
  CreateSessionResponse,
  LoginResponse,
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
    // Listening before the connection opens: an event the server pushes on connect arrives with it.
    const client = new TestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
    return client;
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

export function unwrap<T>(result: { body: Result<T> }): T {
  if (!result.body.ok) throw new Error(`${result.body.error.code}: ${result.body.error.message}`);
  return result.body.data;
}

export interface Credentials {
  username: string;
  password: string;
}

export async function login(url: string, who: Credentials): Promise<LoginResponse> {
  return unwrap(await postJson<LoginResponse>(url, ROUTES.login, { username: who.username, password: who.password }));
}

/** Creates an account through the admin API (as a real admin would). */
export async function createAccount(url: string, adminToken: string, account: CreateAccountRequest): Promise<AccountProfile & Credentials> {
  const created = unwrap(await postJson<AccountProfile>(url, ROUTES.accounts, account, adminToken));
  return { ...created, password: account.password };
}

let accountCounter = 0;

const uniqueName = (prefix: string) => `${prefix}${Date.now() % 100000}-${++accountCounter}`;

/** A fresh agent account (unique username) created by the admin, with a session limit. */
export async function newAgent(url: string, admin: Credentials, maxSessions = 3, name = 'Support Agent', supervisorId: string | null = null) {
  const { token } = await login(url, admin);
  const username = uniqueName('agent');
  return createAccount(url, token, { username, displayName: name, role: 'agent', password: 'agent-password-1', maxSessions, supervisorId });
}

/** A fresh supervisor account created by the admin (TEST_ADMIN unless given). */
export async function newSupervisor(url: string, admin: Credentials = { username: 'admin', password: 'test-admin-password' }, name = 'Sam Supervisor') {
  const { token } = await login(url, admin);
  return createAccount(url, token, { username: uniqueName('sup'), displayName: name, role: 'supervisor', password: 'supervisor-password-1' });
}

/** Signs in an agent, starts a session, joins one customer; both sockets joined. */
export async function startSessionWithCustomer(url: string, agentAccount: Credentials, customerName = 'Casey') {
  const signedIn = await login(url, agentAccount);
  const created = unwrap(await postJson<CreateSessionResponse>(url, ROUTES.sessions, {}, signedIn.token));
  const sessionId = created.session.id;
  const agent = await TestClient.connect(url, signedIn.token);
  const agentSnapshot = await agent.call('session:join', { sessionId });
  const joined = unwrap(await postJson<CustomerJoinResponse>(url, ROUTES.join, { sessionNumber: created.session.number, displayName: customerName }));
  const customer = await TestClient.connect(url, joined.token);
  const customerSnapshot = await customer.call('session:join', { sessionId });
  return { signedIn, created, sessionId, agent, customer, joined, agentSnapshot, customerSnapshot };
}

/**
 * Another customer with the session's number: they wait at the door until the agent in
 * control (`agent`) admits them, then join again for the whole session (issue 12).
 */
export async function admitAnotherCustomer(
  url: string,
  agent: TestClient,
  session: { sessionId: string; number: string },
  displayName: string,
  customerKey?: string,
) {
  const joined = unwrap(await postJson<CustomerJoinResponse>(url, ROUTES.join, { sessionNumber: session.number, displayName, ...(customerKey ? { customerKey } : {}) }));
  const client = await TestClient.connect(url, joined.token);
  await client.call('session:join', { sessionId: session.sessionId });
  await agent.call('session:admit', { sessionId: session.sessionId, participantId: joined.participantId, admit: true });
  await client.waitForEvent('session:admission');
  const snapshot = await client.call('session:join', { sessionId: session.sessionId });
  return { joined, client, snapshot };
}

/** An agent's session with two customers (Ada, the one helped, and Ben, admitted), all three sockets joined. */
export async function startSessionWithTwoCustomers(url: string, admin: Credentials) {
  const s = await startSessionWithCustomer(url, await newAgent(url, admin), 'Ada');
  const ben = await admitAnotherCustomer(url, s.agent, { sessionId: s.sessionId, number: s.created.session.number }, 'Ben');
  return { ...s, a: s.customer, aId: s.joined.participantId, b: ben.client, bId: ben.joined.participantId };
}
