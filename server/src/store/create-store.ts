import { MemorySessionStore } from './memory-session-store';
import { RedisSessionStore, type RedisSessionStoreOptions } from './redis-session-store';
import type { SessionStore } from './session-store';
import { withStoreDeadline } from './store-deadline';

export interface SessionStoreConfig extends RedisSessionStoreOptions {
  /** Redis when given (state shared by every node), memory otherwise (one node). */
  redisUrl?: string;
  /** Redis: a call not answered within this time fails with STORE_UNAVAILABLE. */
  timeoutMs?: number;
}

export async function createSessionStore(config: SessionStoreConfig): Promise<SessionStore> {
  if (config.redisUrl) return withStoreDeadline(await RedisSessionStore.connect(config.redisUrl, config), config.timeoutMs);
  return new MemorySessionStore({ retentionSeconds: config.retentionSeconds });
}
