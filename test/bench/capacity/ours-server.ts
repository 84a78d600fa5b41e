/**
 * Our server for the capacity bench, in its own process (so its CPU is its own): the real
 * app (Fastify, socket.io, mediasoup workers as many as the product's default) on a Redis store.
 */
import os from 'node:os';
import { startRedisServer, type RedisServerHandle } from '../../support/redis-server';
import { startTestServer, type TestServer } from '../../support/test-server';
import { serveRpc } from './rpc';

let redis: RedisServerHandle | null = null;
let server: TestServer | null = null;

async function start({ workers }: { workers?: number }): Promise<{ url: string; serverPid: number; redisPid: number }> {
  redis = await startRedisServer();
  server = await startTestServer({
    redisUrl: redis.url,
    media: {
      workers: workers ?? Math.max(1, os.availableParallelism()),
      listenIp: '127.0.0.1',
      rtcMinPort: Number(process.env.OURS_MIN_PORT ?? 45000),
      rtcMaxPort: Number(process.env.OURS_MAX_PORT ?? 45899),
      logLevel: 'error',
    },
  } as Parameters<typeof startTestServer>[0]);
  return { url: server.url, serverPid: process.pid, redisPid: redis.pid };
}

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server?.close().catch(() => undefined);
  await redis?.stop().catch(() => undefined);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());

// Orphaned (the bench died): stop the server and its Redis before exiting.
serveRpc({ start }, () => void shutdown());
