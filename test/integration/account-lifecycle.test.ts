import { ROUTES } from '@rs/signaling';
import type { AccountProfile, AdminAuditResponse, LoginResponse, Result } from '@rs/signaling';
import { startRedisServer } from '../support/redis-server';
import type { RedisServerHandle } from '../support/redis-server';
import { TestClient, login, newAgent, newSupervisor, postJson, startSessionWithCustomer, unwrap } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';

async function send<T>(method: 'PATCH' | 'DELETE' | 'GET', url: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Result<T> }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Result<T> };
}

const me = (url: string, token: string) => send<AccountProfile>('GET', url, ROUTES.me, token);
const code = (result: { body: Result<unknown> }) => (result.body.ok ? 'ok' : result.body.error.code);

/**
 * R1.2: an admin locks a departed agent out at once (tokens refused, open sockets cut on
 * every node, live sessions ended), resets passwords, changes roles, deletes accounts;
 * everyone changes their own password; every change is in the admin audit log.
 */
describe.each(['memory', 'redis'] as const)('account lifecycle (%s store)', (kind) => {
  let redis: RedisServerHandle | null = null;
  let nodes: TestServer[];
  let url: string;
  let admin: LoginResponse;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    if (kind === 'redis') {
      redis = await startRedisServer();
      const shared = { redisUrl: redis.url, tokenSecret: 'a-secret-both-nodes-share-0123456789' };
      nodes = [await startTestServer(shared), await startTestServer(shared)];
    } else {
      nodes = [await startTestServer()];
    }
    url = nodes[0]!.url;
    admin = await login(url, TEST_ADMIN);
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.close()));
    await redis?.stop();
  });

  const connect = async (at: string, token: string) => {
    const client = await TestClient.connect(at, token);
    clients.push(client);
    return client;
  };
  const setDisabled = (accountId: string, disabled: boolean, token = admin.token) =>
    postJson<AccountProfile>(url, ROUTES.accountStatus(accountId), { disabled }, token);

  it('disabling cuts the open sockets on every node within a second, refuses the token and sign-in; enabling restores sign-in', async () => {
    const agent = await newAgent(url, TEST_ADMIN);
    const signedIn = await login(url, agent);
    const sockets = await Promise.all(nodes.map((n) => connect(n.url, signedIn.token)));
    const before = Date.now();
    expect(unwrap(await setDisabled(agent.id, true))).toMatchObject({ id: agent.id, disabled: true });
    await waitFor('every socket of the disabled agent cut', () => sockets.every((s) => !s.socket.connected) || undefined);
    expect(Date.now() - before).toBeLessThan(1_000);
    expect(sockets[0]!.received('protocol:error')).toEqual([expect.objectContaining({ code: 'UNAUTHENTICATED' })]);
    expect(code(await me(url, signedIn.token))).toBe('UNAUTHENTICATED');
    await expect(TestClient.connect(url, signedIn.token)).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
    const refused = await postJson(url, ROUTES.login, { username: agent.username, password: agent.password });
    expect([refused.status, code(refused)]).toEqual([403, 'ACCOUNT_DISABLED']);

    unwrap(await setDisabled(agent.id, false));
    const again = await login(url, agent);
    expect(unwrap(await me(url, again.token)).disabled).toBe(false);
  });

  it('disabling an agent ends the sessions they are in control of, and the customer is told', async () => {
    const agent = await newAgent(url, TEST_ADMIN);
    const { customer, sessionId } = await startSessionWithCustomer(url, agent);
    clients.push(customer);
    unwrap(await setDisabled(agent.id, true));
    const ended = await customer.waitForEvent('session:ended');
    expect(ended.sessionId).toBe(sessionId);
  });

  it('a password reset by an admin and a role change revoke the old tokens; the new password works', async () => {
    const agent = await newAgent(url, TEST_ADMIN);
    const old = await login(url, agent);
    const socket = await connect(url, old.token);
    unwrap(await send('PATCH', url, ROUTES.account(agent.id), admin.token, { password: 'a-brand-new-password' }));
    await waitFor('the old socket cut', () => !socket.socket.connected || undefined);
    expect(code(await me(url, old.token))).toBe('UNAUTHENTICATED');
    expect(code(await postJson(url, ROUTES.login, { username: agent.username, password: agent.password }))).toBe('INVALID_CREDENTIALS');
    const fresh = await login(url, { username: agent.username, password: 'a-brand-new-password' });
    expect(unwrap(await me(url, fresh.token)).id).toBe(agent.id);

    const promoted = unwrap(await send<AccountProfile>('PATCH', url, ROUTES.account(agent.id), admin.token, { role: 'supervisor', displayName: 'Now Supervising' }));
    expect(promoted).toMatchObject({ role: 'supervisor', displayName: 'Now Supervising', supervisorId: null });
    expect(code(await me(url, fresh.token))).toBe('UNAUTHENTICATED');
  });

  it('renaming alone keeps the account signed in', async () => {
    const agent = await newAgent(url, TEST_ADMIN);
    const signedIn = await login(url, agent);
    unwrap(await send('PATCH', url, ROUTES.account(agent.id), admin.token, { displayName: 'Renamed Agent' }));
    expect(unwrap(await me(url, signedIn.token)).displayName).toBe('Renamed Agent');
  });

  it('everyone changes their own password: the old password and every other token stop working, the answer carries a working token', async () => {
    const agent = await newAgent(url, TEST_ADMIN);
    const [first, second] = [await login(url, agent), await login(url, agent)];
    const wrong = await postJson(url, ROUTES.password, { currentPassword: 'not-my-password', newPassword: 'another-new-password' }, first.token);
    expect([wrong.status, code(wrong)]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(unwrap(await me(url, second.token)).id).toBe(agent.id);

    const changed = unwrap(await postJson<LoginResponse>(url, ROUTES.password, { currentPassword: agent.password, newPassword: 'another-new-password' }, first.token));
    expect(code(await me(url, first.token))).toBe('UNAUTHENTICATED');
    expect(code(await me(url, second.token))).toBe('UNAUTHENTICATED');
    expect(unwrap(await me(url, changed.token)).id).toBe(agent.id);
    expect(code(await postJson(url, ROUTES.login, { username: agent.username, password: agent.password }))).toBe('INVALID_CREDENTIALS');
    await login(url, { username: agent.username, password: 'another-new-password' });
  });

  it('deleting an account refuses its token and sign-in, frees nothing else, and a supervisor\'s agents report to nobody', async () => {
    const supervisor = await newSupervisor(url, TEST_ADMIN);
    const agent = await newAgent(url, TEST_ADMIN, 1, 'Agent of Sup', supervisor.id);
    const token = (await login(url, supervisor)).token;
    expect((await send('DELETE', url, ROUTES.account(supervisor.id), admin.token)).status).toBe(200);
    expect(code(await me(url, token))).toBe('UNAUTHENTICATED');
    expect(code(await postJson(url, ROUTES.login, { username: supervisor.username, password: supervisor.password }))).toBe('INVALID_CREDENTIALS');
    const list = unwrap(await send<{ accounts: AccountProfile[] }>('GET', url, ROUTES.accounts, admin.token)).accounts;
    expect(list.find((a) => a.id === supervisor.id)).toBeUndefined();
    expect(list.find((a) => a.id === agent.id)?.supervisorId).toBeNull();
    expect(code(await send('DELETE', url, ROUTES.account(supervisor.id), admin.token))).toBe('ACCOUNT_NOT_FOUND');
  });

  it('an admin cannot lock themselves out, and the last enabled admin stays', async () => {
    const self = unwrap(await me(url, admin.token));
    expect(code(await setDisabled(self.id, true))).toBe('LAST_ADMIN');
    expect(code(await send('DELETE', url, ROUTES.account(self.id), admin.token))).toBe('LAST_ADMIN');
    expect(code(await send('PATCH', url, ROUTES.account(self.id), admin.token, { role: 'agent' }))).toBe('LAST_ADMIN');
    expect(unwrap(await me(url, admin.token)).role).toBe('admin');
  });

  it('only admins manage accounts and read the audit log, which names who changed what (never a password)', async () => {
    const agent = await newAgent(url, TEST_ADMIN);
    const agentToken = (await login(url, agent)).token;
    expect(code(await setDisabled(agent.id, true, agentToken))).toBe('FORBIDDEN');
    expect(code(await send('GET', url, ROUTES.adminAudit, agentToken))).toBe('FORBIDDEN');
    expect(code(await send('DELETE', url, ROUTES.account(agent.id), agentToken))).toBe('FORBIDDEN');

    unwrap(await send('PATCH', url, ROUTES.account(agent.id), admin.token, { password: 'reset-by-the-admin-1' }));
    unwrap(await setDisabled(agent.id, true));
    const { entries } = unwrap(await send<AdminAuditResponse>('GET', url, `${ROUTES.adminAudit}?limit=50`, admin.token));
    const aboutAgent = entries.filter((e) => e.targetId === agent.id).map((e) => [e.action, e.actorName, e.targetName, e.fields]);
    expect(aboutAgent).toEqual([
      ['account:disabled', 'Administrator', agent.username, ['disabled']],
      ['account:updated', 'Administrator', agent.username, ['password']],
      ['account:created', 'Administrator', agent.username, ['username', 'role']],
    ]);
    expect(JSON.stringify(entries)).not.toContain('reset-by-the-admin-1');
  });
});
