import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisConnectOptions {
  /** Connection errors after the first connect (the client keeps reconnecting); pass a logger. */
  onError?: (error: Error) => void;
}

/** Initial connection attempts before connectRedis() gives up; later drops are retried forever. */
const CONNECT_ATTEMPTS = 5;
/** Longest wait between two reconnection attempts once connected. */
const MAX_RECONNECT_DELAY_MS = 2000;

/**
 * One connected client, shared by every Redis-backed store of a process
 * (sessions, accounts, revocations, rate limits). Connects first, so a client
 * is only ever seen connected; rejects with the last error when Redis is unreachable.
 * `redis://` / `rediss://` URLs, or `unix:///path/to/redis.sock` (the private redis-server).
 *
 * While the connection is down, commands fail at once (no offline queue) instead of
 * waiting for the outage to end; the client reconnects by itself, forever.
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<RedisClient> {
  let connected = false;
  const reconnectStrategy = (retries: number) =>
    !connected && retries >= CONNECT_ATTEMPTS ? false : Math.min(50 * 2 ** retries, MAX_RECONNECT_DELAY_MS);
  const unixPath = url.startsWith('unix:') ? new URL(url).pathname : null;
  const client = unixPath
    ? createClient({ socket: { path: unixPath, reconnectStrategy }, disableOfflineQueue: true })
    : createClient({ url, socket: { reconnectStrategy }, disableOfflineQueue: true });
  client.on('error', options.onError ?? (() => {}));
  await client.connect();
  connected = true;
  return client;
}
