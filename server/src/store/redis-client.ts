import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

export interface RedisConnectOptions {
  /** Connection errors after the first connect (the client keeps reconnecting); pass a logger. */
  onError?: (error: Error) => void;
}

/** Initial connection attempts before connectRedis() gives up; later drops are retried forever. */
const CONNECT_ATTEMPTS = 5;

/**
 * One connected client, shared by every Redis-backed store of a process
 * (sessions, accounts, revocations, rate limits). Connects first, so a client
 * is only ever seen connected; rejects with the last error when Redis is unreachable.
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<RedisClient> {
  let connected = false;
  const client = createClient({
    url,
    socket: {
      // false: give up, and connect() rejects with the last connection error.
      reconnectStrategy: (retries: number) =>
        !connected && retries >= CONNECT_ATTEMPTS ? false : Math.min(50 * 2 ** retries, 2000),
    },
  });
  client.on('error', options.onError ?? (() => {}));
  await client.connect();
  connected = true;
  return client;
}
