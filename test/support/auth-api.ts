import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import type { SessionRecordResponse, SessionSummary } from '@rs/signaling';
import { AccountService } from '../../server/src/auth/account-service';
import { JoinGuard } from '../../server/src/auth/join-guard';
import { JwtTokenIssuer } from '../../server/src/auth/jwt-token-issuer';
import { ScryptPasswordHasher } from '../../server/src/auth/password-hasher';
import type { PasswordHasher } from '../../server/src/auth/password-hasher';
import type { StaffPrincipal } from '../../server/src/auth/principal';
import { AppError } from '../../server/src/errors/app-error';
import type { TrustProxy } from '../../server/src/config/trust-proxy';
import { connectionLimits } from '../../server/src/http/connection-limits';
import { installErrorHandler } from '../../server/src/http/error-handler';
import type { CustomerJoiner } from '../../server/src/http/join-routes';
import { apiRoutes } from '../../server/src/http/routes';
import type { SessionCreator, SessionRecordReader } from '../../server/src/http/session-routes';
import { createAccountStores } from '../../server/src/store/create-account-stores';
import type { AccountStores } from '../../server/src/store/create-account-stores';
import { MemorySessionStore } from '../../server/src/store/memory-session-store';

const NUMBER_TTL_SECONDS = 600;

/**
 * A small, real session service on MemorySessionStore's number reservations:
 * numbers expire, are looked up by the store, and an agent is held to maxSessions.
 * (Stands in for the domain's SessionService, which the route plugins only see through these interfaces.)
 */
export class NumberedSessions implements SessionCreator, CustomerJoiner, SessionRecordReader {
  readonly store: MemorySessionStore;
  readonly #sessions = new Map<string, SessionSummary & { agentId: string }>();
  #now: number;

  constructor() {
    this.#now = Date.now();
    this.store = new MemorySessionStore({ now: () => this.#now });
  }

  advance(ms: number): void {
    this.#now += ms;
  }

  /** Opens a session under a chosen number (tests pick numbers sharing a prefix). */
  async open(agentId: string, number: string): Promise<string> {
    const id = randomUUID();
    if (!(await this.store.reserveNumber(number, id, NUMBER_TTL_SECONDS))) throw new Error(`number ${number} taken`);
    this.#sessions.set(id, {
      id, number, agentId, state: 'waiting', agentName: 'Agent', createdAt: this.#now, endedAt: null,
      controllerId: randomUUID(), selectedCustomerId: null,
    });
    return id;
  }

  async create(agent: { id: string; displayName: string; maxSessions: number }): Promise<{ session: SessionSummary; numberExpiresAt: number }> {
    const running = [...this.#sessions.values()].filter((s) => s.agentId === agent.id && s.state !== 'ended');
    if (running.length >= agent.maxSessions) throw new AppError('SESSION_LIMIT', `at most ${agent.maxSessions} sessions at once`);
    const number = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
    const id = await this.open(agent.id, number);
    const session = { ...this.#sessions.get(id)!, agentName: agent.displayName };
    this.#sessions.set(id, session);
    return { session, numberExpiresAt: this.#now + NUMBER_TTL_SECONDS * 1000 };
  }

  async renewNumber(sessionId: string, accountId: string): Promise<{ session: SessionSummary; numberExpiresAt: number }> {
    const session = this.#sessions.get(sessionId);
    if (!session || session.agentId !== accountId) throw new AppError('NOT_IN_CONTROL', 'not your session');
    const number = String(100_000_000 + Math.floor(Math.random() * 899_999_999));
    if (!(await this.store.reserveNumber(number, sessionId, NUMBER_TTL_SECONDS))) throw new Error(`number ${number} taken`);
    await this.store.releaseNumber(session.number, sessionId);
    const renewed = { ...session, number };
    this.#sessions.set(sessionId, renewed);
    return { session: renewed, numberExpiresAt: this.#now + NUMBER_TTL_SECONDS * 1000 };
  }

  async joinByNumber(number: string, _displayName: string): Promise<{ sessionId: string; participantId: string }> {
    const sessionId = await this.store.findSessionIdByNumber(number);
    const session = sessionId ? this.#sessions.get(sessionId) : undefined;
    if (!session || session.state === 'ended') throw new AppError('SESSION_NOT_FOUND', 'this session number is not valid or has expired');
    await this.store.keepNumber(number);
    return { sessionId: session.id, participantId: randomUUID() };
  }

  async get(principal: StaffPrincipal, sessionId: string): Promise<SessionRecordResponse> {
    const found = this.#sessions.get(sessionId);
    if (!found) throw new AppError('SESSION_NOT_FOUND', 'no such session');
    if (principal.role !== 'admin' && principal.accountId !== found.agentId) throw new AppError('FORBIDDEN', 'not your session');
    const { agentId: _agentId, ...session } = found;
    return { session, participants: [], chat: [], consents: [], audit: [], notes: '', endedBy: null, queue: null, files: [] };
  }
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed {ok, data | error} envelope. */
  body: { ok: true; data: T; error?: undefined } | { ok: false; data?: undefined; error: { code: string; message: string; retryAfterSeconds?: number } };
  /** The data of an ok answer; throws with the answer otherwise. */
  data: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** The client address the server sees (sent as X-Forwarded-For). */
  ip?: string;
  /** The whole X-Forwarded-For header instead (e.g. a forged entry, then the one a proxy appended). */
  forwardedFor?: string;
}

/** One real HTTP request (Fastify's inject() cannot load under Jest here: light-my-request needs ESM-only cookie@2). */
async function call<T>(base: string, method: string, path: string, options: CallOptions): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { 'x-forwarded-for': options.forwardedFor ?? options.ip ?? '10.0.0.1' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  const body = JSON.parse(text) as ApiResponse<T>['body'];
  return {
    status: res.status, headers: res.headers, text, body,
    get data(): T {
      if (!body.ok) throw new Error(`expected ok, got ${res.status} ${text}`);
      return body.data;
    },
  };
}

export interface AuthApi {
  http: FastifyInstance;
  call<T = unknown>(method: 'GET' | 'POST' | 'PATCH', path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  accounts: AccountService;
  issuer: JwtTokenIssuer;
  sessions: NumberedSessions;
  stores: AccountStores;
  /** Every log line written so far, raw JSON. */
  logs: string[];
  close(): Promise<void>;
}

/** Only the route plugins under test, on real stores (Redis when a URL is given). */
export async function buildAuthApi(options: { redisUrl?: string; keyPrefix?: string; hasher?: PasswordHasher; trustProxy?: TrustProxy }): Promise<AuthApi> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const log = pino({ level: 'info', redact: ['password', '*.password', 'token', '*.token', 'sessionNumber', '*.sessionNumber'] }, sink);
  const stores = await createAccountStores({ redisUrl: options.redisUrl, keyPrefix: options.keyPrefix });
  const issuer = new JwtTokenIssuer({ secret: 's'.repeat(40), revocations: stores.revocations });
  const accounts = new AccountService({ accounts: stores.accounts, audit: stores.audit, tokens: issuer, hasher: options.hasher ?? new ScryptPasswordHasher(), log });
  const sessions = new NumberedSessions();
  // One trusted hop (as behind one reverse proxy): tests give each request its own client address with X-Forwarded-For.
  const limits = connectionLimits({ idleTimeoutSeconds: 30, trustProxy: options.trustProxy ?? 1 });
  const http = Fastify({ loggerInstance: log as FastifyBaseLogger, disableRequestLogging: true, ...limits });
  installErrorHandler(http);
  await http.register(apiRoutes, {
    config: { publicUrl: 'https://support.example', agentTokenTtlSeconds: 3600, customerTokenTtlSeconds: 600 },
    issuer, accounts, sessions, sessionRecords: sessions,
    limiter: stores.limiter,
    joinGuard: new JoinGuard({ limiter: stores.limiter, log }),
    store: stores.kind,
    mediaWorkers: () => 0,
  });
  await http.listen({ host: '127.0.0.1', port: 0 });
  const address = http.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    http, accounts, issuer, sessions, stores, logs,
    call: <T>(method: string, path: string, options: CallOptions = {}) => call<T>(url, method, path, options),
    close: async () => {
      await http.close();
      await stores.close();
    },
  };
}
