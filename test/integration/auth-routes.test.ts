import { randomUUID } from 'node:crypto';
import { ROUTES } from '@rs/signaling';
import type { AccountListResponse, AccountProfile, CreateSessionResponse, CustomerJoinResponse, LoginResponse, SessionRecordResponse } from '@rs/signaling';
import pino from 'pino';
import { composeAuth } from '../../server/src/auth/compose-auth';
import { ScryptPasswordHasher } from '../../server/src/auth/password-hasher';
import { runCreateAdmin } from '../../server/src/cli/create-admin';
import { MemorySessionStore } from '../../server/src/store/memory-session-store';
import { RedisSessionStore } from '../../server/src/store/redis-session-store';
import { buildAuthApi } from '../support/auth-api';
import type { ApiResponse, AuthApi, CallOptions } from '../support/auth-api';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server';

const ADMIN = { username: 'root', password: 'admin-password-1' };
const PASSWORD = 'a-good-password';

let redis: RedisServerHandle;
let prefixes = 0;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(() => redis?.stop());

let api: AuthApi;
beforeEach(async () => {
  api = await buildAuthApi({ redisUrl: redis.url, keyPrefix: `auth${++prefixes}:` });
  await api.accounts.ensureFirstAdmin(ADMIN);
});
afterEach(() => api.close());

const get = <T = unknown>(path: string, options?: CallOptions) => api.call<T>('GET', path, options);
const post = <T = unknown>(path: string, options?: CallOptions) => api.call<T>('POST', path, options);
const patch = (path: string, options?: CallOptions) => api.call<AccountProfile>('PATCH', path, options);
const refusal = (res: ApiResponse) => [res.status, res.body.error?.code];
const join = (sessionNumber: string, ip?: string) => post<CustomerJoinResponse>(ROUTES.join, { body: { sessionNumber, displayName: 'Bob' }, ip });

async function login(username: string, password: string): Promise<LoginResponse> {
  return (await post<LoginResponse>(ROUTES.login, { body: { username, password } })).data;
}
async function createAccount(adminToken: string, body: Record<string, unknown>): Promise<AccountProfile> {
  const res = await post<AccountProfile>(ROUTES.accounts, { token: adminToken, body: { password: PASSWORD, ...body } });
  expect(res.status).toBe(201);
  return res.data;
}
/** An admin, a supervisor and an agent (maxSessions 2) assigned to that supervisor, all signed in. */
async function staff() {
  const admin = await login(ADMIN.username, ADMIN.password);
  const supervisor = await createAccount(admin.token, { username: 'sue', displayName: 'Sue', role: 'supervisor' });
  const agent = await createAccount(admin.token, { username: 'Al', displayName: 'Al', role: 'agent', maxSessions: 2, supervisorId: supervisor.id });
  const [sue, al] = await Promise.all([login('sue', PASSWORD), login('al', PASSWORD)]);
  return { admin, supervisor, agent, sue, al };
}

describe('sign-in, sign-out, me', () => {
  it('signs in (username case-insensitive) and answers me with the profile, never a hash', async () => {
    const { token, account } = await login('ROOT', ADMIN.password);
    expect(account).toEqual({ id: expect.any(String), username: 'root', displayName: 'Administrator', role: 'admin', maxSessions: 1, supervisorId: null, disabled: false });
    const me = await get<AccountProfile>(ROUTES.me, { token });
    expect(me.body).toEqual({ ok: true, data: account });
    expect(me.text).not.toMatch(/scrypt|passwordHash/);
  });

  it('refuses a wrong password and an unknown user alike, hashing in both cases, and logs the address only', async () => {
    const verify = jest.spyOn(ScryptPasswordHasher.prototype, 'verify');
    const wrong = await post(ROUTES.login, { body: { username: 'root', password: 'not-the-password' }, ip: '10.9.9.9' });
    const unknown = await post(ROUTES.login, { body: { username: 'nobody', password: 'not-the-password' }, ip: '10.9.9.9' });
    expect(wrong.body).toEqual(unknown.body);
    expect(refusal(wrong)).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(verify).toHaveBeenCalledTimes(2);
    verify.mockRestore();
    const failures = api.logs.filter((line) => line.includes('sign-in failed'));
    expect(failures.map((line): unknown => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 40, address: '10.9.9.9' }),
      expect.objectContaining({ level: 40, address: '10.9.9.9' }),
    ]);
    expect(api.logs.join('')).not.toContain('not-the-password');
  });

  it('takes about as long for an unknown user as for a wrong password (one memory-hard hash each)', async () => {
    const time = async (username: string) => {
      const started = process.hrtime.bigint();
      await post(ROUTES.login, { body: { username, password: 'not-the-password' } });
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const [wrong, unknown] = [await time('root'), await time('nobody')];
    expect(unknown).toBeGreaterThan(wrong / 3);
    expect(unknown).toBeGreaterThan(20);
  });

  it('logs out by revoking the bearer token; other tokens of the account stay valid', async () => {
    const [first, second] = [await login('root', ADMIN.password), await login('root', ADMIN.password)];
    expect((await post(ROUTES.logout, { token: first.token })).body).toEqual({ ok: true, data: {} });
    expect(refusal(await get(ROUTES.me, { token: first.token }))).toEqual([401, 'UNAUTHENTICATED']);
    expect(refusal(await post(ROUTES.logout, { token: first.token }))).toEqual([401, 'UNAUTHENTICATED']);
    expect((await get(ROUTES.me, { token: second.token })).status).toBe(200);
  });

  it('refuses missing, malformed and forged tokens with UNAUTHENTICATED', async () => {
    expect(refusal(await get(ROUTES.me))).toEqual([401, 'UNAUTHENTICATED']);
    expect(refusal(await get(ROUTES.me, { token: 'not.a.jwt' }))).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('limits sign-in attempts per address (the 21st in a minute gets 429 + Retry-After)', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await post(ROUTES.login, { body: { username: 'x', password: 'y' }, ip: '10.7.7.7' })).status).toBe(401);
    }
    const refused = await post(ROUTES.login, { body: ADMIN, ip: '10.7.7.7' });
    expect(refusal(refused)).toEqual([429, 'RATE_LIMITED']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post(ROUTES.login, { body: ADMIN, ip: '10.7.7.8' })).status).toBe(200);
  });
});

describe('accounts (admin only)', () => {
  it('creates a supervisor and an agent assigned to it, and lists them', async () => {
    const { admin, supervisor, agent } = await staff();
    expect(agent).toMatchObject({ username: 'al', role: 'agent', maxSessions: 2, supervisorId: supervisor.id });
    const list = await get<AccountListResponse>(ROUTES.accounts, { token: admin.token });
    expect(list.data.accounts.map((a) => [a.username, a.role])).toEqual([['al', 'agent'], ['root', 'admin'], ['sue', 'supervisor']]);
    expect(list.text).not.toMatch(/scrypt|passwordHash/);
    expect(await api.accounts.agentsOf(supervisor.id)).toEqual([agent.id]);
  });

  it('assigns and clears a supervisor, sets maxSessions, changes a password', async () => {
    const { admin, agent } = await staff();
    const other = await createAccount(admin.token, { username: 'sam', displayName: 'Sam', role: 'supervisor' });
    const update = (body: unknown) => patch(ROUTES.account(agent.id), { token: admin.token, body });
    expect((await update({ supervisorId: other.id, maxSessions: 5 })).data).toMatchObject({ supervisorId: other.id, maxSessions: 5 });
    expect((await update({ supervisorId: null })).data).toMatchObject({ supervisorId: null, maxSessions: 5 });
    expect((await update({ password: 'a-brand-new-password' })).status).toBe(200);
    expect(refusal(await post(ROUTES.login, { body: { username: 'al', password: PASSWORD } }))).toEqual([401, 'INVALID_CREDENTIALS']);
    await login('al', 'a-brand-new-password');
  });

  it('refuses a duplicate username, a non-supervisor as supervisor, unknown accounts and bad bodies', async () => {
    const { admin, agent } = await staff();
    const create = (body: unknown) => post(ROUTES.accounts, { token: admin.token, body });
    const base = { username: 'z', displayName: 'z', role: 'agent', password: PASSWORD };
    expect(refusal(await create({ ...base, username: 'AL' }))).toEqual([409, 'ACCOUNT_EXISTS']);
    expect(refusal(await create({ ...base, supervisorId: agent.id }))).toEqual([400, 'INVALID_PAYLOAD']);
    expect(refusal(await create({ ...base, role: 'supervisor', maxSessions: 3 }))).toEqual([400, 'INVALID_PAYLOAD']);
    expect(refusal(await create({ ...base, password: 'short' }))).toEqual([400, 'INVALID_PAYLOAD']);
    expect(refusal(await create({ ...base, role: 'customer' }))).toEqual([400, 'INVALID_PAYLOAD']);
    expect(refusal(await patch(ROUTES.account(randomUUID()), { token: admin.token, body: { maxSessions: 2 } }))).toEqual([404, 'ACCOUNT_NOT_FOUND']);
    expect(refusal(await patch(ROUTES.account(agent.id), { token: admin.token, body: { role: 'customer' } }))).toEqual([400, 'INVALID_PAYLOAD']);
  });

  it('refuses agents, supervisors and customers with FORBIDDEN, anonymous callers with UNAUTHENTICATED', async () => {
    const { sue, al, agent } = await staff();
    const sessionId = await api.sessions.open(agent.id, '555000111');
    const customer = (await join('555000111')).data;
    expect(customer.sessionId).toBe(sessionId);
    const body = { username: 'evil', displayName: 'Evil', role: 'admin', password: PASSWORD };
    for (const token of [sue.token, al.token, customer.token]) {
      expect(refusal(await get(ROUTES.accounts, { token }))).toEqual([403, 'FORBIDDEN']);
      expect(refusal(await post(ROUTES.accounts, { token, body }))).toEqual([403, 'FORBIDDEN']);
      expect(refusal(await patch(ROUTES.account(agent.id), { token, body: { maxSessions: 9 } }))).toEqual([403, 'FORBIDDEN']);
    }
    expect(refusal(await get(ROUTES.me, { token: customer.token }))).toEqual([403, 'FORBIDDEN']);
    expect(refusal(await get(ROUTES.accounts))).toEqual([401, 'UNAUTHENTICATED']);
    expect(await api.stores.accounts.findByUsername('evil')).toBeNull();
    expect((await api.stores.accounts.get(agent.id))?.maxSessions).toBe(2);
  });
});

describe('sessions', () => {
  it('lets an agent start sessions up to its maxSessions, then SESSION_LIMIT; only agents may start', async () => {
    const { admin, sue, al, agent } = await staff();
    const start = (token: string) => post<CreateSessionResponse>(ROUTES.sessions, { token });
    const first = (await start(al.token)).data;
    expect(first.session).toEqual({
      id: expect.any(String), number: expect.stringMatching(/^\d{9}$/), state: 'waiting', agentName: 'Al', createdAt: expect.any(Number),
      endedAt: null, controllerId: expect.any(String), selectedCustomerId: null,
    });
    expect(first.joinUrl).toBe(`https://support.example/#s=${first.session.number}`);
    expect((await start(al.token)).status).toBe(200);
    expect(refusal(await start(al.token))).toEqual([409, 'SESSION_LIMIT']);
    await patch(ROUTES.account(agent.id), { token: admin.token, body: { maxSessions: 3 } });
    expect((await start(al.token)).status).toBe(200);
    expect(refusal(await start(sue.token))).toEqual([403, 'FORBIDDEN']);
    expect(refusal(await start(admin.token))).toEqual([403, 'FORBIDDEN']);
  });

  it('serves a session record to staff the reader allows, FORBIDDEN to customers', async () => {
    const { admin, al, sue } = await staff();
    const { session } = (await post<CreateSessionResponse>(ROUTES.sessions, { token: al.token })).data;
    const read = (token?: string) => get<SessionRecordResponse>(ROUTES.sessionRecord(session.id), { token });
    expect((await read(al.token)).data).toMatchObject({ session: { id: session.id }, notes: '' });
    expect((await read(admin.token)).status).toBe(200);
    expect(refusal(await read(sue.token))).toEqual([403, 'FORBIDDEN']);
    const customer = (await join(session.number)).data;
    expect(refusal(await read(customer.token))).toEqual([403, 'FORBIDDEN']);
    expect(refusal(await read())).toEqual([401, 'UNAUTHENTICATED']);
    expect(refusal(await get(ROUTES.sessionRecord('not-a-uuid'), { token: admin.token }))).toEqual([400, 'INVALID_PAYLOAD']);
  });
});

describe('customer join', () => {
  it('answers a short-lived token bound to the session and participant', async () => {
    const sessionId = await api.sessions.open(randomUUID(), '123456789');
    const data = (await join('123456789')).data;
    expect(data).toEqual({ token: expect.any(String), sessionId, participantId: expect.any(String) });
    expect(await api.issuer.verify(data.token)).toEqual({ role: 'customer', sessionId, participantId: data.participantId, tokenId: expect.any(String) });
  });

  it('gives the same generic SESSION_NOT_FOUND for a wrong and an expired number, logging the address, never the number', async () => {
    await api.sessions.open(randomUUID(), '222333444');
    api.sessions.advance(601_000);
    const expired = await join('222333444', '10.1.2.3');
    const wrong = await join('987654321', '10.1.2.3');
    expect(expired.body).toEqual(wrong.body);
    expect(refusal(wrong)).toEqual([404, 'SESSION_NOT_FOUND']);
    const failures = api.logs.filter((line) => line.includes('join with a wrong number'));
    expect(failures.map((line): unknown => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 40, caller: 'address:10.1.2.3' }),
      expect.objectContaining({ level: 40, caller: 'address:10.1.2.3' }),
    ]);
    expect(api.logs.join('')).not.toMatch(/222333444|987654321/);
  });

  it('limits attempts per address: the 11th in a minute gets 429 with Retry-After (header and payload), right number or not', async () => {
    await api.sessions.open(randomUUID(), '700000001');
    for (let i = 0; i < 10; i++) expect(refusal(await join(`8${String(i).padStart(8, '0')}`, '10.6.6.6'))).toEqual([404, 'SESSION_NOT_FOUND']);
    const refused = await join('700000001', '10.6.6.6');
    expect(refusal(refused)).toEqual([429, 'RATE_LIMITED']);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body.error?.retryAfterSeconds).toBe(retryAfter);
    expect((await join('700000001', '10.6.6.7')).status).toBe(200);
    expect(api.logs.some((line) => line.includes('join rate limited') && line.includes('10.6.6.6'))).toBe(true);
  });

  it('a flood of wrong numbers at one prefix from many addresses does not lock out the real customer of that prefix', async () => {
    await api.sessions.open(randomUUID(), '432100999');
    // 3 addresses x 10 wrong guesses (what used to lock the prefix for a minute), then 30 more addresses.
    for (let i = 0; i < 30; i++) expect((await join(`4321${String(i).padStart(5, '0')}`, `10.5.0.${i % 3}`)).status).toBe(404);
    for (let i = 30; i < 60; i++) expect((await join(`4321${String(i).padStart(5, '0')}`, `10.5.1.${i}`)).status).toBe(404);
    expect(api.logs.some((line) => line.includes('number prefix under attack'))).toBe(true);
    const customer = await join('432100999', '10.5.9.9');
    expect(customer.status).toBe(200);
    expect((await join('432200000', '10.5.9.10')).status).toBe(404);
  });

  it('while a prefix is under attack, each address has only 3 attempts at it (right number or not), other prefixes unaffected', async () => {
    await api.sessions.open(randomUUID(), '555500001');
    await api.sessions.open(randomUUID(), '666600001');
    for (let i = 0; i < 31; i++) expect((await join(`5555${String(10 + i).padStart(5, '0')}`, `10.8.0.${i}`)).status).toBe(404);
    for (let i = 0; i < 3; i++) expect((await join(`5555${String(90 + i).padStart(5, '0')}`, '10.8.1.1')).status).toBe(404);
    const refused = await join('555500001', '10.8.1.1');
    expect(refusal(refused)).toEqual([429, 'RATE_LIMITED']);
    expect(refused.body.error?.retryAfterSeconds).toBeGreaterThan(60);
    expect((await join('666600001', '10.8.1.1')).status).toBe(200);
    expect((await join('555500001', '10.8.1.2')).status).toBe(200);
  });

  it('shares the join limits between two nodes on one Redis', async () => {
    const other = await buildAuthApi({ redisUrl: redis.url, keyPrefix: `auth${prefixes}:` });
    try {
      const attempt = (node: AuthApi) => node.call('POST', ROUTES.join, { body: { sessionNumber: '911111111', displayName: 'Eve' }, ip: '10.4.4.4' });
      for (let i = 0; i < 10; i++) expect((await attempt(i % 2 ? api : other)).status).toBe(404);
      expect(refusal(await attempt(other))).toEqual([429, 'RATE_LIMITED']);
      expect(refusal(await attempt(api))).toEqual([429, 'RATE_LIMITED']);
    } finally {
      await other.close();
    }
  });

  it('refuses a malformed number', async () => {
    expect(refusal(await join('12'))).toEqual([400, 'INVALID_PAYLOAD']);
  });
});

describe('health', () => {
  it('is public', async () => {
    expect((await get(ROUTES.health)).body).toEqual({ ok: true, data: { status: 'ok', protocolVersion: expect.any(Number), store: 'redis', mediaWorkers: 0 } });
  });
});

describe('first admin', () => {
  it('is created once, with a generated password when none is given', async () => {
    const fresh = await buildAuthApi({ redisUrl: redis.url, keyPrefix: `first${++prefixes}:` });
    try {
      const results = await Promise.all([fresh.accounts.ensureFirstAdmin({ username: 'admin' }), fresh.accounts.ensureFirstAdmin({ username: 'admin' })]);
      const created = results.filter((r) => r !== null);
      expect(created).toEqual([{ username: 'admin', generatedPassword: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) }]);
      expect(await fresh.stores.accounts.countByRole('admin')).toBe(1);
      expect(await fresh.accounts.ensureFirstAdmin({ username: 'other', password: 'another-password' })).toBeNull();
      const password = created[0]!.generatedPassword!;
      expect((await fresh.call('POST', ROUTES.login, { body: { username: 'admin', password } })).status).toBe(200);
      expect(fresh.logs.join('')).not.toContain(password);
    } finally {
      await fresh.close();
    }
  });

  it('is ensured at boot by composeAuth, on the session store\'s Redis client, or in memory', async () => {
    const log = pino({ level: 'silent' });
    const keyPrefix = `boot${++prefixes}:`;
    const sessionStore = await RedisSessionStore.connect(redis.url, { keyPrefix });
    const config = { tokenSecret: 't'.repeat(40), adminUsername: 'boot-admin', adminPassword: undefined, joinAttemptsPerAddress: 10, joinAttemptsPerPrefix: 30 };
    const first = await composeAuth({ config, sessionStore, log, keyPrefix });
    const second = await composeAuth({ config: { ...config, adminPassword: 'ignored-password' }, sessionStore, log, keyPrefix });
    expect([first.stores.kind, first.firstAdmin?.username, second.firstAdmin]).toEqual(['redis', 'boot-admin', null]);
    const admin = await second.accounts.signIn('boot-admin', first.firstAdmin!.generatedPassword!, '127.0.0.1');
    const token = await first.issuer.sign({ role: admin.role, accountId: admin.id, displayName: admin.displayName }, 60);
    await first.issuer.revoke(token);
    await expect(second.issuer.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await Promise.all([first.close(), second.close()]);
    expect(sessionStore.redisClient.isOpen).toBe(true);
    await sessionStore.close();
    const local = await composeAuth({ config: { ...config, adminPassword: 'given-password', joinAttemptsPerAddress: 2 }, sessionStore: new MemorySessionStore(), log });
    expect([local.stores.kind, local.firstAdmin]).toEqual(['memory', { username: 'boot-admin', generatedPassword: null }]);
    const lookup = async () => 'found';
    await local.joinGuard.admit('address:10.3.3.3', '123456789', lookup);
    await local.joinGuard.admit('address:10.3.3.3', '123456789', lookup);
    await expect(local.joinGuard.admit('address:10.3.3.3', '123456789', lookup)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('can be created from the command line against the configured Redis', async () => {
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void out.push(t) };
    const env = { REDIS_URL: redis.url };
    expect(await runCreateAdmin(['--username', 'Boss', '--display-name', 'The Boss'], { ...env, ADMIN_PASSWORD: 'from-the-environment' }, io)).toBe(0);
    expect(out.join('')).toMatch(/admin "boss" created/);
    expect(out.join('')).not.toContain('from-the-environment');
    expect(await runCreateAdmin(['--username', 'boss', '--password', 'another-password'], env, io)).toBe(1);
    expect(out.join('')).toMatch(/ACCOUNT_EXISTS/);
    expect(await runCreateAdmin(['--username', 'x', '--password', 'another-password'], { STATE: 'memory' }, io)).toBe(1);
    expect(out.join('')).toMatch(/STATE=memory: the server keeps its accounts in memory/);
    expect(await runCreateAdmin(['--username', 'x'], env, io)).toBe(2);
    expect(await runCreateAdmin(['--bogus'], env, io)).toBe(2);
    // The server's stores use the default key prefix: it sees the new admin.
    const server = await buildAuthApi({ redisUrl: redis.url });
    try {
      const res = await server.call<LoginResponse>('POST', ROUTES.login, { body: { username: 'boss', password: 'from-the-environment' } });
      expect(res.data.account).toMatchObject({ username: 'boss', displayName: 'The Boss', role: 'admin' });
    } finally {
      await server.close();
    }
  });
});
