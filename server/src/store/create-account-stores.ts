import type { AccountStore } from './account-store';
import { MemoryAdminAuditLog, RedisAdminAuditLog } from './admin-audit-log';
import type { AdminAuditLog } from './admin-audit-log';
import { MemoryAccountStore } from './memory-account-store';
import { MemoryRateLimiter, RedisRateLimiter } from './rate-limiter';
import type { RateLimiter } from './rate-limiter';
import { RedisAccountStore } from './redis-account-store';
import { connectRedis } from './redis-client';
import type { RedisClient, RedisConnectOptions } from './redis-client';
import { createRedisKeys } from './redis-keys';
import { withStoreDeadline } from './store-deadline';
import { MemoryTokenRevocations, RedisTokenRevocations } from './token-revocations';
import type { TokenRevocations } from './token-revocations';

export interface AccountStores {
  readonly kind: 'memory' | 'redis';
  accounts: AccountStore;
  revocations: TokenRevocations;
  limiter: RateLimiter;
  audit: AdminAuditLog;
  /** Closes the Redis connection if these stores opened it (not a shared client). Idempotent. */
  close(): Promise<void>;
}

export interface AccountStoresConfig extends RedisConnectOptions {
  /** A connected client to share (e.g. the session store's); its owner closes it. */
  client?: RedisClient | null;
  /** Otherwise: Redis at this URL (state shared by every node), memory when unset (one node). */
  redisUrl?: string;
  /** Prefix of every key (default `rs:`). */
  keyPrefix?: string;
  /** Redis: a call not answered within this time fails with STORE_UNAVAILABLE. */
  timeoutMs?: number;
}

/** Accounts, token revocations and rate limits, on one Redis client or in memory. */
export async function createAccountStores(config: AccountStoresConfig): Promise<AccountStores> {
  const shared = config.client ?? null;
  const client = shared ?? (config.redisUrl ? await connectRedis(config.redisUrl, config) : null);
  if (!client) {
    return { kind: 'memory', accounts: new MemoryAccountStore(), revocations: new MemoryTokenRevocations(), limiter: new MemoryRateLimiter(), audit: new MemoryAdminAuditLog(), close: async () => {} };
  }
  const keys = createRedisKeys(config.keyPrefix);
  let closing: Promise<void> | null = null;
  return {
    kind: 'redis',
    accounts: withStoreDeadline(new RedisAccountStore(client, keys), config.timeoutMs),
    revocations: withStoreDeadline(new RedisTokenRevocations(client, keys), config.timeoutMs),
    limiter: withStoreDeadline(new RedisRateLimiter(client, keys), config.timeoutMs),
    audit: withStoreDeadline(new RedisAdminAuditLog(client, keys), config.timeoutMs),
    close() {
      if (shared) return Promise.resolve();
      closing ??= client.isOpen ? client.close() : Promise.resolve();
      return closing;
    },
  };
}
