import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { pingRedis } from '../../server/src/store/private-redis';

export interface RedisServerHandle {
  url: string;
  port: number;
  /** The redis-server process (tests pause it with SIGSTOP/SIGCONT or kill it). */
  pid: number;
  /** Kills the server and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const READY_TIMEOUT_MS = 10_000;
const POLL_INTERVAL_MS = 50;
const STOP_TIMEOUT_MS = 5_000;
const MISSING_HINT = 'redis-server was not found on PATH; run npm test, which installs it, or apt-get install redis-server';

export interface RedisServerOptions {
  /** A fixed port (to restart a server where its clients expect it); a free one otherwise. */
  port?: number;
  /** Keep an append-only file (appendfsync everysec) in this folder; none otherwise. */
  appendOnlyDir?: string;
}

/** Starts a throwaway redis-server on 127.0.0.1: non-persistent unless given an append-only folder. */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServerHandle> {
  const port = options.port ?? (await findFreePort());
  const persistence = options.appendOnlyDir
    ? ['--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', options.appendOnlyDir]
    : ['--appendonly', 'no'];
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--daemonize', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output = collectOutput(child);
  const exited = new Promise<ExitInfo>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const spawnFailed = new Promise<never>((_, reject) =>
    child.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'ENOENT' ? new Error(MISSING_HINT) : error)),
  );
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => (stopping ??= stopChild(child, exited));

  const waiting = new AbortController();
  try {
    await Promise.race([waitForPong(port, waiting.signal), spawnFailed, failOnExit(exited, output)]);
  } catch (error) {
    await stop();
    throw error;
  } finally {
    waiting.abort();
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid as number, stop };
}

/** Binds port 0, reads the port the OS chose, and releases it. */
export async function findFreePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not read a free port');
  return address.port;
}

/** Polls with PING until the server answers PONG, within READY_TIMEOUT_MS. */
async function waitForPong(port: number, stopped: AbortSignal): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError = 'none';
  while (Date.now() < deadline && !stopped.aborted) {
    try {
      const reply = await pingRedis({ port, host: '127.0.0.1' });
      if (reply.startsWith('+PONG')) return;
      lastError = `unexpected reply ${JSON.stringify(reply)}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await sleep(POLL_INTERVAL_MS);
  }
  if (stopped.aborted) return;
  throw new Error(
    `redis-server on 127.0.0.1:${port} did not answer PING with PONG within ${READY_TIMEOUT_MS} ms (last error: ${lastError})`,
  );
}


async function failOnExit(exited: Promise<ExitInfo>, output: () => string): Promise<never> {
  const { code, signal } = await exited;
  throw new Error(`redis-server exited before answering PING (code ${String(code)}, signal ${String(signal)}):\n${output()}`);
}

/** The last few KB of the server's stdout and stderr, for error messages. */
function collectOutput(child: ChildProcess): () => string {
  let text = '';
  const append = (chunk: Buffer): void => {
    text = (text + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return () => text;
}

async function stopChild(child: ChildProcess, exited: Promise<ExitInfo>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
