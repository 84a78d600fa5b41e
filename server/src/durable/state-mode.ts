import path from 'node:path';
import { startPrivateRedis } from '../store/private-redis';
import type { PrivateRedis } from '../store/private-redis';
import { defaultDataDir, ensurePrivateDir, loadOrCreateTokenSecret } from './data-dir';

/**
 * How `npm start` keeps its state. 'durable' (default): Redis at REDIS_URL, or a private
 * redis-server with an append-only file in the data folder, and a token secret kept there.
 * 'memory' (STATE=memory or EPHEMERAL=1): nothing survives a restart.
 */
export interface PreparedState {
  mode: 'durable' | 'memory';
  /** The environment to read the configuration from (REDIS_URL and TOKEN_SECRET filled in). */
  env: NodeJS.ProcessEnv;
  dataDir: string | null;
  privateRedis: PrivateRedis | null;
  /** Stops the private redis-server, if this process runs one. Idempotent. */
  stop(): Promise<void>;
}

export function isEphemeral(env: NodeJS.ProcessEnv): boolean {
  return env.STATE?.toLowerCase() === 'memory' || ['1', 'true', 'yes'].includes(env.EPHEMERAL?.toLowerCase() ?? '');
}

export async function prepareState(env: NodeJS.ProcessEnv): Promise<PreparedState> {
  if (isEphemeral(env)) {
    const { REDIS_URL: _ignored, HISTORY_DATABASE_URL: _history, HISTORY_DIR: _historyDir, ...rest } = env;
    return { mode: 'memory', env: rest, dataDir: null, privateRedis: null, stop: async () => {} };
  }
  const dataDir = ensurePrivateDir(env.DATA_DIR || defaultDataDir(env));
  const tokenSecret = env.TOKEN_SECRET || loadOrCreateTokenSecret(dataDir);
  const privateRedis = env.REDIS_URL ? null : await startPrivateRedis({ dataDir });
  return {
    mode: 'durable',
    env: { ...env, TOKEN_SECRET: tokenSecret, REDIS_URL: env.REDIS_URL || privateRedis?.url, HISTORY_DIR: env.HISTORY_DIR || path.join(dataDir, 'history') },
    dataDir,
    privateRedis,
    stop: async () => privateRedis?.stop(),
  };
}
