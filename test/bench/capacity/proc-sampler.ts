import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Per-process CPU and memory from /proc (Linux): each pid measured apart, so the generator's CPU never counts as the server's. */

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** Direct children of a process (e.g. the mediasoup workers of a Node process). */
export function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** The command name of a process ('' once it is gone). */
export function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** CPU time (user + system) a process has used, in ms; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** Resident memory in MiB; 0 once the process is gone. */
export function rssMiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : 0;
  } catch {
    return 0;
  }
}

export interface ProcessUsage {
  label: string;
  pid: number;
  /** % of one core over the window. */
  cpuPercent: number;
  rssMiB: number;
}

/** Starts a CPU window over the given processes; `end()` gives each one's share of a core since then. */
export function cpuWindow(processes: { label: string; pid: number }[]): { end(): ProcessUsage[] } {
  const startedAt = performance.now();
  const before = processes.map((p) => cpuMs(p.pid) ?? 0);
  return {
    end() {
      const elapsed = performance.now() - startedAt;
      return processes.map((p, index) => ({
        label: p.label,
        pid: p.pid,
        cpuPercent: Math.round((((cpuMs(p.pid) ?? before[index]!) - before[index]!) / elapsed) * 1000) / 10,
        rssMiB: rssMiB(p.pid),
      }));
    },
  };
}

/** Whole-machine CPU busy share (all cores, %) over a window, from /proc/stat: tells how loaded the machine was. */
export function machineWindow(): { end(): number } {
  const read = () => {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3]! + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  const start = read();
  return {
    end() {
      const now = read();
      const total = now.total - start.total;
      return total > 0 ? Math.round((1 - (now.idle - start.idle) / total) * 1000) / 10 : 0;
    },
  };
}
