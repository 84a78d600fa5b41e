import { randomUUID } from 'node:crypto';
import type { AccountRecord, AccountStore } from '../../server/src/store/account-store';
import { createAccountStores } from '../../server/src/store/create-account-stores';
import { MemoryAccountStore } from '../../server/src/store/memory-account-store';
import { MemoryAdminAuditLog, RedisAdminAuditLog } from '../../server/src/store/admin-audit-log';
import type { AdminAuditLog } from '../../server/src/store/admin-audit-log';
import { MemoryRateLimiter, RedisRateLimiter } from '../../server/src/store/rate-limiter';
import type { RateLimiter } from '../../server/src/store/rate-limiter';
import { RedisAccountStore } from '../../server/src/store/redis-account-store';
import { RedisSessionStore } from '../../server/src/store/redis-session-store';
import { connectRedis } from '../../server/src/store/redis-client';
import type { RedisClient } from '../../server/src/store/redis-client';
import { createRedisKeys } from '../../server/src/store/redis-keys';
import { MemoryTokenRevocations, RedisTokenRevocations } from '../../server/src/store/token-revocations';
import type { TokenRevocations } from '../../server/src/store/token-revocations';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server';
import { waitFor } from '../support/wait-for';

const account = (over: Partial<AccountRecord> = {}): AccountRecord => ({
  id: randomUUID(), username: `user-${randomUUID().slice(0, 8)}`, displayName: 'Ada', role: 'agent',
  maxSessions: 1, supervisorId: null, passwordHash: 'scrypt$1024$8$1$salt$hash', createdAt: 1_000, disabled: false, ...over,
});

interface Backends {
  accounts: () => AccountStore;
  revocations: () => TokenRevocations;
  audit: () => AdminAuditLog;
  /** Two limiters sharing their counters (same Redis, or the same memory object). */
  limiters: () => [RateLimiter, RateLimiter];
  /** Moves time on for the memory backends; Redis lets real time pass (short windows). */
  advance: (ms: number) => Promise<void>;
}

function describeAccountContract(name: string, setup: () => Backends): void {
  describe(`account stores contract: ${name}`, () => {
    let backends: Backends;
    beforeEach(() => {
      backends = setup();
    });

    describe('AccountStore', () => {
      it('creates, gets and finds by username; unknown is null', async () => {
        const store = backends.accounts();
        const a = account();
        expect(await store.create(a)).toBe(true);
        expect(await store.get(a.id)).toEqual(a);
        expect(await store.findByUsername(a.username)).toEqual(a);
        expect(await store.get(randomUUID())).toBeNull();
        expect(await store.findByUsername('nobody')).toBeNull();
      });
      it('refuses a taken username, and a taken id, storing nothing', async () => {
        const store = backends.accounts();
        const a = account();
        await store.create(a);
        const sameName = account({ username: a.username, role: 'admin' });
        expect(await store.create(sameName)).toBe(false);
        expect(await store.create(account({ id: a.id }))).toBe(false);
        expect(await store.get(sameName.id)).toBeNull();
        expect(await store.findByUsername(a.username)).toEqual(a);
        expect(await store.countByRole('admin')).toBe(0);
        expect(await store.list()).toEqual([a]);
      });
      it('lets exactly one of 10 concurrent creates of one username win', async () => {
        const store = backends.accounts();
        const rivals = Array.from({ length: 10 }, () => account({ username: 'contested' }));
        const results = await Promise.all(rivals.map((r) => store.create(r)));
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = rivals[results.indexOf(true)]!;
        expect(await store.findByUsername('contested')).toEqual(winner);
        expect(await store.list()).toEqual([winner]);
        expect(await store.countByRole('agent')).toBe(1);
      });
      it('lists by username and counts by role', async () => {
        const store = backends.accounts();
        const [c, a, b] = [account({ username: 'carol', role: 'admin' }), account({ username: 'alice' }), account({ username: 'bob', role: 'supervisor' })];
        for (const x of [c, a, b]) await store.create(x);
        expect((await store.list()).map((x) => x.username)).toEqual(['alice', 'bob', 'carol']);
        expect([await store.countByRole('agent'), await store.countByRole('supervisor'), await store.countByRole('admin')]).toEqual([1, 1, 1]);
      });
      it('updates only the given fields (null supervisor clears it); unknown is null', async () => {
        const store = backends.accounts();
        const a = account({ supervisorId: randomUUID() });
        await store.create(a);
        const updated = await store.update(a.id, { maxSessions: 3, displayName: undefined });
        expect(updated).toEqual({ ...a, maxSessions: 3 });
        expect(await store.update(a.id, { supervisorId: null, passwordHash: 'new' })).toEqual({ ...a, maxSessions: 3, supervisorId: null, passwordHash: 'new' });
        expect(await store.get(a.id)).toEqual({ ...a, maxSessions: 3, supervisorId: null, passwordHash: 'new' });
        expect(await store.findByUsername(a.username)).toEqual(await store.get(a.id));
        expect(await store.update(randomUUID(), { maxSessions: 2 })).toBeNull();
      });
      it('changes the role (counts follow) and disables; deleting frees the username', async () => {
        const store = backends.accounts();
        const a = account({ username: 'dana' });
        await store.create(a);
        expect(await store.update(a.id, { role: 'supervisor', disabled: true })).toEqual({ ...a, role: 'supervisor', disabled: true });
        expect([await store.countByRole('agent'), await store.countByRole('supervisor')]).toEqual([0, 1]);
        expect(await store.delete(a.id)).toBe(true);
        expect(await store.delete(a.id)).toBe(false);
        expect([await store.get(a.id), await store.findByUsername('dana'), await store.countByRole('supervisor')]).toEqual([null, null, 0]);
        expect(await store.list()).toEqual([]);
        const again = account({ username: 'dana' });
        expect(await store.create(again)).toBe(true);
        expect(await store.update(a.id, { disabled: false })).toBeNull();
      });
      it('keeps the admin audit log newest first', async () => {
        const log = backends.audit();
        const entry = (at: number) => ({ at, action: 'account:updated' as const, actorId: randomUUID(), actorName: 'Root', targetId: randomUUID(), targetName: '陳小明', fields: ['role'] });
        const [one, two, three] = [entry(1), entry(2), entry(3)];
        for (const e of [one, two, three]) await log.append(e);
        expect(await log.list(2)).toEqual([three, two]);
        expect(await log.list(10)).toEqual([three, two, one]);
        expect(await log.list(0)).toEqual([]);
      });
      it('returns copies and keeps copies', async () => {
        const store = backends.accounts();
        const a = account();
        const snapshot = structuredClone(a);
        await store.create(a);
        a.displayName = 'changed';
        const got = await store.get(a.id);
        got!.maxSessions = 9;
        (await store.list())[0]!.role = 'admin';
        expect(await store.get(a.id)).toEqual(snapshot);
      });
    });

    describe('TokenRevocations', () => {
      it('remembers a revoked token id until the given expiry, then forgets it', async () => {
        const revocations = backends.revocations();
        const id = randomUUID();
        expect(await revocations.isRevoked(id)).toBe(false);
        await revocations.revoke(id, Date.now() + 400);
        expect(await revocations.isRevoked(id)).toBe(true);
        expect(await revocations.isRevoked(randomUUID())).toBe(false);
        await backends.advance(450);
        await waitFor('the revocation to expire', async () => !(await revocations.isRevoked(id)));
      });
      it('tells a listener of each revocation until it stops listening', async () => {
        const revocations = backends.revocations();
        const heard: string[] = [];
        const stop = await revocations.onRevoked((revoked) => heard.push('tokenId' in revoked ? revoked.tokenId : `account ${revoked.subjectId}`));
        const [first, second] = [randomUUID(), randomUUID()];
        await revocations.revoke(first, Date.now() + 60_000);
        await waitFor('the revocation heard', () => heard.includes(first));
        await stop();
        await revocations.revoke(second, Date.now() + 60_000);
        expect(await revocations.isRevoked(second)).toBe(true);
        expect(heard).toEqual([first]);
      });
      it('revokes every token of a subject issued before a time, until it expires', async () => {
        const revocations = backends.revocations();
        const heard: string[] = [];
        const stop = await revocations.onRevoked((revoked) => heard.push('subjectId' in revoked ? revoked.subjectId : ''));
        expect(await revocations.subjectRevokedBefore('acct')).toBe(0);
        await revocations.revokeSubject('acct', 5_000, Date.now() + 400);
        expect(await revocations.subjectRevokedBefore('acct')).toBe(5_000);
        expect(await revocations.subjectRevokedBefore('other')).toBe(0);
        await waitFor('the subject revocation heard', () => heard.includes('acct'));
        await stop();
        await backends.advance(450);
        await waitFor('the subject revocation to expire', async () => (await revocations.subjectRevokedBefore('acct')) === 0);
      });
      it('stores nothing for an already expired token', async () => {
        const revocations = backends.revocations();
        const id = randomUUID();
        await revocations.revoke(id, Date.now() - 1);
        expect(await revocations.isRevoked(id)).toBe(false);
      });
    });

    describe('RateLimiter', () => {
      it('allows `limit` hits per window, refuses the next with the wait, then resets', async () => {
        const [limiter] = backends.limiters();
        const key = `k-${randomUUID()}`;
        for (let i = 0; i < 3; i++) expect(await limiter.hit(key, 3, 1)).toEqual({ allowed: true, retryAfterSeconds: 0 });
        expect(await limiter.hit(key, 3, 1)).toEqual({ allowed: false, retryAfterSeconds: 1 });
        expect((await limiter.hit(`other-${key}`, 3, 1)).allowed).toBe(true);
        await backends.advance(1_000);
        await waitFor('a new window', async () => (await limiter.hit(key, 3, 1)).allowed);
      });
      it('reports the time left in the window', async () => {
        const [limiter] = backends.limiters();
        const key = `k-${randomUUID()}`;
        await limiter.hit(key, 0, 60);
        const refused = await limiter.hit(key, 0, 60);
        expect(refused.allowed).toBe(false);
        expect(refused.retryAfterSeconds).toBeGreaterThan(55);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      });
      it('peeks at a counter without counting', async () => {
        const [limiter] = backends.limiters();
        const key = `k-${randomUUID()}`;
        expect(await limiter.peek(key)).toBe(0);
        await limiter.hit(key, 5, 60);
        await limiter.hit(key, 5, 60);
        expect(await limiter.peek(key)).toBe(2);
        expect(await limiter.peek(key)).toBe(2);
      });
      it('shares counters between two limiters (two nodes)', async () => {
        const [a, b] = backends.limiters();
        const key = `k-${randomUUID()}`;
        const verdicts = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).hit(key, 6, 60)));
        expect(verdicts.filter((v) => v.allowed)).toHaveLength(6);
        expect((await a.hit(key, 6, 60)).allowed).toBe(false);
        expect((await b.hit(key, 6, 60)).allowed).toBe(false);
      });
    });
  });
}

describeAccountContract('memory', () => {
  // Real time plus what a test skipped: expiries given as Date.now() + ms hold however slow the machine is.
  let skipped = 0;
  const clock = () => Date.now() + skipped;
  const limiter = new MemoryRateLimiter({ now: clock });
  return {
    accounts: () => new MemoryAccountStore(),
    revocations: () => new MemoryTokenRevocations({ now: clock }),
    audit: () => new MemoryAdminAuditLog(),
    limiters: () => [limiter, limiter],
    advance: async (ms) => void (skipped += ms),
  };
});

describe('with a real redis-server', () => {
  let redis: RedisServerHandle;
  let clients: RedisClient[];
  let prefixes = 0;
  beforeAll(async () => {
    redis = await startRedisServer();
    clients = await Promise.all([connectRedis(redis.url), connectRedis(redis.url)]);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await redis?.stop();
  });

  describeAccountContract('redis', () => {
    const keys = createRedisKeys(`acct${++prefixes}:`);
    const [one, two] = clients as [RedisClient, RedisClient];
    return {
      accounts: () => new RedisAccountStore(one, keys),
      revocations: () => new RedisTokenRevocations(one, keys),
      audit: () => new RedisAdminAuditLog(one, keys),
      limiters: () => [new RedisRateLimiter(one, keys), new RedisRateLimiter(two, keys)],
      advance: async () => {},
    };
  });

  it('tells listeners on another node of a revocation (pub/sub on the shared Redis)', async () => {
    const keys = createRedisKeys(`revoke-nodes${++prefixes}:`);
    const [one, two] = clients as [RedisClient, RedisClient];
    const heard: string[] = [];
    const stop = await new RedisTokenRevocations(two, keys).onRevoked((revoked) => heard.push('tokenId' in revoked ? revoked.tokenId : `account ${revoked.subjectId}`));
    await new RedisTokenRevocations(one, keys).revoke('on-node-one', Date.now() + 60_000);
    await new RedisTokenRevocations(one, keys).revokeSubject('acct-1', Date.now(), Date.now() + 60_000);
    await waitFor('the other node heard both', () => heard.includes('on-node-one') && heard.includes('account acct-1'));
    await stop();
  });

  it('builds every key under its prefix, in the documented layout', async () => {
    const keys = createRedisKeys('layout-acct:');
    const [client] = clients as [RedisClient];
    const a = account({ role: 'supervisor' });
    await new RedisAccountStore(client, keys).create(a);
    await new RedisTokenRevocations(client, keys).revoke('t1', Date.now() + 60_000);
    await new RedisRateLimiter(client, keys).hit('join:address:127.0.0.1', 1, 60);
    expect((await client.keys('layout-acct:*')).sort()).toEqual([
      `layout-acct:account:${a.id}`, 'layout-acct:accounts:ids', 'layout-acct:accounts:role:supervisor',
      'layout-acct:accounts:usernames', 'layout-acct:rate:join:address:127.0.0.1', 'layout-acct:revoked-token:t1',
    ]);
    expect(await client.pTTL('layout-acct:revoked-token:t1')).toBeGreaterThan(50_000);
    expect(await client.pTTL('layout-acct:rate:join:address:127.0.0.1')).toBeGreaterThan(50_000);
  });

  it('createAccountStores: redis on a shared client (left open) or its own URL (closed); memory otherwise', async () => {
    const [client] = clients as [RedisClient];
    const shared = await createAccountStores({ client, keyPrefix: 'factory:' });
    const own = await createAccountStores({ redisUrl: redis.url, keyPrefix: 'factory:' });
    const local = await createAccountStores({});
    expect([shared.kind, own.kind, local.kind]).toEqual(['redis', 'redis', 'memory']);
    const a = account();
    await shared.accounts.create(a);
    expect(await own.accounts.get(a.id)).toEqual(a);
    await Promise.all([shared.close(), own.close(), own.close(), local.close()]);
    expect(client.isOpen).toBe(true);
    await expect(own.accounts.get(a.id)).rejects.toThrow();
  });

  it('shares the session store\'s client, which closes with the session store', async () => {
    const sessions = await RedisSessionStore.connect(redis.url, { keyPrefix: 'shared:' });
    const stores = await createAccountStores({ client: sessions.redisClient, keyPrefix: 'shared:' });
    const a = account();
    expect(await stores.accounts.create(a)).toBe(true);
    await stores.close();
    expect(await stores.accounts.get(a.id)).toEqual(a);
    await sessions.close();
    expect(sessions.redisClient.isOpen).toBe(false);
  });

  it('refuses to connect to a Redis that is not there', async () => {
    await expect(createAccountStores({ redisUrl: 'redis://127.0.0.1:1' })).rejects.toThrow(/ECONNREFUSED/);
  });

});
