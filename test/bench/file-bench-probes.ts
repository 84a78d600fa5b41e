/**
 * What the file-transfer bench reads from the machine while a transfer runs: CPU seconds of the
 * mediasoup workers and of this process (from /proc), peak JS heap of pages (CDP Performance
 * metrics), peak resident memory of Chromium's renderer processes (/proc status VmRSS), and a
 * CPU profile of pages (CDP Profiler) summarised by self time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'puppeteer-core';

const TICKS_PER_SECOND = 100;

function statFields(pid: string | number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  } catch {
    return null;
  }
}

function cpuSecondsOf(pid: string | number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

function childrenOf(pid: number): string[] {
  const out: string[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    out.push(...readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean));
  }
  return out;
}

function commOf(pid: string | number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** UDP datagrams the kernel dropped because a socket's receive buffer was full (whole machine, /proc/net/snmp). */
export function udpReceiveBufferErrors(): number {
  const lines = readFileSync('/proc/net/snmp', 'utf8').split('\n').filter((l) => l.startsWith('Udp:'));
  const names = lines[0]?.split(/\s+/) ?? [];
  const values = lines[1]?.split(/\s+/) ?? [];
  return Number(values[names.indexOf('RcvbufErrors')] ?? 0);
}

/** CPU seconds (user + system) of the mediasoup workers this process started (the server runs in-process). */
export function workerCpuSeconds(): number {
  return childrenOf(process.pid).filter((pid) => commOf(pid).startsWith('mediasoup-work')).reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
}

/** CPU seconds of this Node process: the signaling server and the bench's puppeteer driver together. */
export function ownCpuSeconds(): number {
  return cpuSecondsOf(process.pid);
}

/** Renderer processes of a browser (pids), found below its main process. */
export function rendererPids(browser: Browser): number[] {
  const root = browser.process()?.pid;
  if (!root) return [];
  const all: number[] = [];
  const walk = (pid: number): void => {
    for (const child of childrenOf(pid)) {
      const id = Number(child);
      if (readFileSync(`/proc/${id}/cmdline`, 'utf8').includes('--type=renderer')) all.push(id);
      walk(id);
    }
  };
  walk(root);
  return all;
}

function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export interface MemoryPeaks {
  /** Peak JS heap in use per page (MB), pages in the order given. */
  jsHeapMb: number[];
  /** Peak resident set per renderer process (MB), largest first (each app page has its own renderer: own browser context). */
  rendererRssMb: number[];
}

/** Samples page heaps and renderer RSS every 250 ms until stopped; resolves the peaks. */
export function watchMemory(browser: Browser, pages: Page[]): () => Promise<MemoryPeaks> {
  const heaps = pages.map(() => 0);
  const rss = new Map<number, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(pages.map(async (page, i) => {
        const metrics = await page.metrics().catch(() => ({ JSHeapUsedSize: 0 }));
        heaps[i] = Math.max(heaps[i]!, (metrics.JSHeapUsedSize ?? 0) / 1e6);
      }));
      for (const pid of rendererPids(browser)) rss.set(pid, Math.max(rss.get(pid) ?? 0, rssMb(pid)));
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { jsHeapMb: heaps.map((h) => Math.round(h)), rendererRssMb: [...rss.values()].sort((a, b) => b - a).map((m) => Math.round(m)) };
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts the CDP sampling profiler on pages; stop() returns the top functions by self time per page. */
export async function profilePages(pages: Page[]): Promise<() => Promise<string[][]>> {
  const sessions: CDPSession[] = [];
  for (const page of pages) {
    const session = await page.createCDPSession();
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 500 });
    await session.send('Profiler.start');
    sessions.push(session);
  }
  return async () =>
    Promise.all(sessions.map(async (session) => {
      const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
      await session.detach();
      return topSelfTime(profile, 15);
    }));
}

function topSelfTime(profile: Profile, count: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    if (!node) return;
    const frame = node.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((100 * us) / Math.max(1, total)).toFixed(1)}% ${(us / 1e6).toFixed(2)} s ${key}`);
}
