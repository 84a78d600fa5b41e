import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

function parentOf(pid: number): number | null {
  try {
    // The command name (2nd field) may hold spaces and parentheses: the parent pid is the 2nd field after its last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function descendsFrom(pid: number, ancestor: number): boolean {
  for (let at: number | null = pid, hops = 0; at !== null && at > 1 && hops < 16; at = parentOf(at), hops += 1) {
    if (at === ancestor) return true;
  }
  return false;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/** The renderer processes of a Chromium (its browser process's pid), from /proc. */
export function rendererPids(browserPid: number): number[] {
  return readdirSync('/proc')
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && commandLine(pid).includes('--type=renderer') && descendsFrom(pid, browserPid));
}

/**
 * A computer too busy for a browser: busy loops on every core (so the system
 * reports CPU pressure), and the browser's processes given only `share` of
 * the time they ask for (stopped and continued in turn, as a scheduler
 * starving them would). Everything ends after `maxMs`, or sooner when the
 * returned function is called; the processes always end continued.
 */
export function busyComputer(pids: number[], share: number, maxMs: number): () => void {
  const loop = `const end = Date.now() + ${Math.round(maxMs)}; while (Date.now() < end) {}`;
  const burners = cpus().map(() => spawn(process.execPath, ['-e', loop], { stdio: 'ignore' }));
  const signal = (name: NodeJS.Signals) => pids.forEach((pid) => { try { process.kill(pid, name); } catch { /* gone */ } });
  const periodMs = 100;
  const until = Date.now() + maxMs;
  let timer: NodeJS.Timeout | undefined;
  let done = false;
  const release = (): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    signal('SIGCONT');
    burners.forEach((burner) => burner.kill('SIGKILL'));
  };
  const stop = (): void => {
    if (done || Date.now() >= until) return release();
    signal('SIGSTOP');
    timer = setTimeout(() => {
      signal('SIGCONT');
      timer = setTimeout(stop, periodMs * share);
    }, periodMs * (1 - share));
  };
  stop();
  return release;
}
