import { MemorySessionStore } from './memory-session-store';
import { RedisSessionStore, type RedisSessionStoreOptions } from './redis-session-store';
import type { SessionStore } from './session-store';

export interface SessionStoreConfig extends RedisSessionStoreOptions {
  /** Redis when given (state shared by every node), memory otherwise (one node). */
  redisUrl?: string;
}

export async function createSessionStore(config: SessionStoreConfig): Promise<SessionStore> {
  if (config.redisUrl) return RedisSessionStore.connect(config.redisUrl, config);
  return new MemorySessionStore();
}
