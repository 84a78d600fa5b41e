/**
 * Runs the server (main.js next to this file) and restarts it when it exits abnormally,
 * with a growing delay, so a crash nobody foresaw costs seconds. SIGINT/SIGTERM are passed
 * to the server, and the supervisor exits with it. Used by `npm start` (scripts/start.sh).
 *   node server/dist/supervisor.js
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Delays before restarts 1, 2, 3...; the last one repeats. */
const RESTART_DELAYS_MS = [250, 1_000, 2_000, 5_000, 10_000];
/** A server that ran this long was healthy: the next crash starts from the first delay again. */
const HEALTHY_AFTER_MS = 30_000;
/** Consecutive crashes before being healthy after which the supervisor stops trying (e.g. bad configuration). */
const MAX_QUICK_CRASHES = 10;

const serverScript = path.join(__dirname, 'main.js');
const say = (message: string) => process.stderr.write(`[supervisor] ${message}\n`);

let child: ChildProcess | null = null;
let stopSignal: NodeJS.Signals | null = null;
let restartTimer: NodeJS.Timeout | null = null;
let quickCrashes = 0;

function startServer(): void {
  const startedAt = Date.now();
  // Its own process group: a terminal's Ctrl-C reaches the supervisor only, which passes it on once.
  const server = spawn(process.execPath, ['--enable-source-maps', serverScript], { stdio: 'inherit', detached: true });
  child = server;
  say(`server started (pid ${server.pid})`);
  server.once('exit', (code, signal) => {
    child = null;
    if (stopSignal) process.exit(code ?? 0);
    if (code === 0) {
      say('server exited normally');
      process.exit(0);
    }
    quickCrashes = Date.now() - startedAt >= HEALTHY_AFTER_MS ? 1 : quickCrashes + 1;
    if (quickCrashes > MAX_QUICK_CRASHES) {
      say(`server crashed ${MAX_QUICK_CRASHES} times in a row without staying up; giving up`);
      process.exit(code ?? 1);
    }
    const delay = RESTART_DELAYS_MS[Math.min(quickCrashes, RESTART_DELAYS_MS.length) - 1] ?? 0;
    say(`server exited abnormally (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
    restartTimer = setTimeout(() => {
      restartTimer = null;
      startServer();
    }, delay);
  });
}

function stop(signal: NodeJS.Signals): void {
  if (stopSignal) return;
  stopSignal = signal;
  if (restartTimer) clearTimeout(restartTimer);
  if (child) child.kill(signal);
  else process.exit(0);
}

process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
startServer();
