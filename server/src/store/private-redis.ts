import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensurePrivateDir } from '../durable/data-dir';

/**
 * A redis-server owned by this server process: append-only file in the data folder,
 * reachable only through a unix socket in an owner-only folder, in its own process group
 * (a Ctrl-C meant for the server does not stop it before the server is done). Started when
 * REDIS_URL is unset; one left running by a crashed server (same data folder) is adopted.
 */
export interface PrivateRedis {
  /** `unix://` URL for connectRedis(). */
  readonly url: string;
  readonly pid: number;
  /** True when a redis-server left by an earlier process was reused. */
  readonly adopted: boolean;
  /** SIGTERM (redis flushes the append-only file), then waits for it to exit. Idempotent. */
  stop(): Promise<void>;
}

export interface PrivateRedisOptions {
  dataDir: string;
  /** The redis-server binary (default: from PATH). */
  binary?: string;
  readyTimeoutMs?: number;
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const POLL_MS = 50;
/** sun_path holds 108 bytes; longer data folder paths get their socket in a short private folder. */
const MAX_SOCKET_PATH = 100;
const MISSING = 'redis-server was not found: run scripts/setup.sh (installs Debian\'s redis-server), set REDIS_URL, or set STATE=memory';

export async function startPrivateRedis(options: PrivateRedisOptions): Promise<PrivateRedis> {
  const dir = ensurePrivateDir(path.join(options.dataDir, 'redis'));
  const socketPath = socketPathFor(dir);
  const pidFile = path.join(dir, 'redis.pid');
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;

  const leftover = livePid(pidFile);
  if (leftover !== null && (await waitForPong(socketPath, readyTimeoutMs, () => isRedisProcess(leftover)))) {
    return handle(socketPath, leftover, true, () => waitForExit(leftover));
  }
  if (leftover !== null) await stopPid(leftover, () => waitForExit(leftover));
  rmSync(pidFile, { force: true });
  rmSync(socketPath, { force: true });

  const child = spawn(options.binary ?? 'redis-server', [
    '--port', '0',
    '--unixsocket', socketPath,
    '--unixsocketperm', '700',
    '--dir', dir,
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    '--pidfile', pidFile,
    '--logfile', path.join(dir, 'redis.log'),
    '--daemonize', 'no',
  ], { stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'ENOENT' ? new Error(MISSING) : err));
  });
  await spawned;
  const pid = child.pid as number;
  const alive = () => child.exitCode === null && child.signalCode === null;
  if (!(await waitForPong(socketPath, readyTimeoutMs, alive))) {
    await stopPid(pid, () => exited);
    throw new Error(`private redis-server did not start (see ${path.join(dir, 'redis.log')})`);
  }
  return handle(socketPath, pid, false, () => exited);
}

function handle(socketPath: string, pid: number, adopted: boolean, exited: () => Promise<void>): PrivateRedis {
  let stopping: Promise<void> | null = null;
  return { url: `unix://${socketPath}`, pid, adopted, stop: () => (stopping ??= stopPid(pid, exited)) };
}

function socketPathFor(dir: string): string {
  const inDir = path.join(dir, 'redis.sock');
  if (inDir.length <= MAX_SOCKET_PATH) return inDir;
  const short = path.join(os.tmpdir(), `remote-support-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}`);
  return path.join(ensurePrivateDir(short), 'redis.sock');
}

/** The pid in the pid file when that process still runs, else null. */
function livePid(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  return Number.isInteger(pid) && pid > 0 && isRunning(pid) && isRedisProcess(pid) ? pid : null;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A pid file can outlive its process and the pid be reused: check it is a redis-server. */
function isRedisProcess(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('redis-server');
  } catch {
    return false;
  }
}

async function waitForExit(pid: number): Promise<void> {
  while (isRunning(pid) && isRedisProcess(pid)) await sleep(POLL_MS);
}

async function stopPid(pid: number, exited: () => Promise<void>): Promise<void> {
  if (!isRunning(pid)) return;
  process.kill(pid, 'SIGTERM');
  const timer = setTimeout(() => isRunning(pid) && process.kill(pid, 'SIGKILL'), STOP_TIMEOUT_MS);
  await exited();
  clearTimeout(timer);
}

/** Polls PING until PONG (false when keepWaiting() turns false or the time is up; LOADING keeps waiting). */
async function waitForPong(socketPath: string, timeoutMs: number, keepWaiting: () => boolean): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && keepWaiting()) {
    if ((await pingRedis({ path: socketPath }).catch(() => '')).startsWith('+PONG')) return true;
    await sleep(POLL_MS);
  }
  return false;
}

/** One PING over a raw socket (unix or TCP); resolves with the first reply line. */
export function pingRedis(target: net.NetConnectOpts): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(target);
    socket.setTimeout(1_000, () => socket.destroy(new Error('PING timed out')));
    socket.once('error', reject);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString('utf8'));
    });
  });
}
