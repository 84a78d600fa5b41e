import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GeneratorClient } from './generator-client';
import { cpuWindow, machineWindow, type ProcessUsage } from './proc-sampler';
import { mediaWindow, p50p95, slope, totalsOf, type MediaWindow } from './step-metrics';
import type { SessionTiming, Target } from './target';

export interface RampOptions {
  steps: number[];
  settleMs: number;
  windowMs: number;
  /** Sessions opened at once while the earlier ones stream. */
  concurrency: number;
  /** No new step starts after this time (Date.now()); the first step always runs. */
  deadline: number;
  /** The generator's expected send rate per session (packets/s), to tell when it falls behind. */
  sentPerSession: number;
  /** How long the target's idle CPU is measured before the first session. */
  idleMs: number;
  /** Runs once after the first measured step (e.g. records and decodes a sample of the screen). */
  afterFirstStep?: () => Promise<void>;
}

export interface Knee {
  serverCpuPercentOfAllCores: number;
  lossPercent: number;
  joinP95Ms: number;
}
export const KNEE: Knee = { serverCpuPercentOfAllCores: 70, lossPercent: 1, joinP95Ms: 1_500 };

export interface StepResult extends MediaWindow {
  sessions: number;
  /** Server CPU: every process of the target summed, in % of one core and of all cores. */
  serverCpuPercent: number;
  serverCpuPercentOfAllCores: number;
  serverRssMiB: number;
  processes: ProcessUsage[];
  generatorCpuPercent: number;
  generatorRssMiB: number;
  /** The bench process itself (signaling clients). */
  driverCpuPercent: number;
  machineBusyPercent: number;
  joinMs: { p50: number | null; p95: number | null; n: number };
  setupMs: { p50: number | null; p95: number | null; n: number };
  probeTransitMs: { p50: number | null; p95: number | null; n: number };
  generatorSaturated: boolean;
}

export interface RampResult {
  steps: StepResult[];
  /** Why the ramp stopped: knee criteria, generator saturation, a failure, the time budget, or the last step. */
  stopReason: string;
  kneeReached: boolean;
  generatorSaturated: boolean;
  error?: string;
  idle: { serverCpuPercent: number; serverRssMiB: number };
}

const CORES = os.availableParallelism();

async function openMany(target: Target, generator: GeneratorClient, from: number, to: number, concurrency: number): Promise<SessionTiming[]> {
  const timings: SessionTiming[] = [];
  let next = from;
  const worker = async () => {
    while (next < to) {
      const session = next++;
      timings.push(await target.openSession(session, generator, session === 0));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, to - from) }, worker));
  return timings;
}

/** Measures the target alone (no session) for a window: its idle CPU. */
async function idleOf(target: Target, windowMs: number) {
  const window = cpuWindow(target.processes());
  await sleep(windowMs);
  const usage = window.end();
  return { serverCpuPercent: sum(usage.map((u) => u.cpuPercent)), serverRssMiB: sum(usage.map((u) => u.rssMiB)) };
}

const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 10) / 10;

/**
 * Ramps the number of concurrent sessions on one target, measuring each step over a
 * fixed window once the new sessions settled; stops at the knee, when the generator
 * falls behind, on a failure, or at the time budget. Every loop is bounded by the steps.
 */
export async function ramp(target: Target, generator: GeneratorClient, options: RampOptions, log: (line: string) => void): Promise<RampResult> {
  const idle = await idleOf(target, options.idleMs);
  const result: RampResult = { steps: [], stopReason: 'last step done', kneeReached: false, generatorSaturated: false, idle };
  let open = 0;
  for (const sessions of options.steps) {
    if (result.steps.length > 0 && Date.now() > options.deadline) {
      result.stopReason = 'time budget';
      break;
    }
    let timings: SessionTiming[];
    try {
      await target.prepare?.(open, sessions);
      timings = await openMany(target, generator, open, sessions, options.concurrency);
      open = sessions;
    } catch (error) {
      result.stopReason = `session setup failed at ${sessions} sessions`;
      result.error = error instanceof Error ? error.message : String(error);
      break;
    }
    await sleep(options.settleMs);
    const before = totalsOf(await generator.stats());
    const server = cpuWindow(target.processes());
    const others = cpuWindow([{ label: 'generator', pid: generator.pid }, { label: 'driver', pid: process.pid }]);
    const machine = machineWindow();
    const started = performance.now();
    await sleep(options.windowMs);
    const seconds = (performance.now() - started) / 1000;
    const serverUsage = server.end();
    const [gen, driver] = others.end();
    const busy = machine.end();
    const stats = await generator.stats();
    const media = mediaWindow(before, totalsOf(stats), seconds, sessions);
    const serverCpu = sum(serverUsage.map((u) => u.cpuPercent));
    // Saturated: a core's worth of CPU, or its streams slipped more than 5 % of the time (it could not keep the clip's pace).
    const generatorSaturated = gen!.cpuPercent >= 95 || media.generatorSlipMsPerSecond > 50;
    const step: StepResult = {
      sessions,
      serverCpuPercent: serverCpu,
      serverCpuPercentOfAllCores: Math.round((serverCpu / CORES) * 10) / 10,
      serverRssMiB: sum(serverUsage.map((u) => u.rssMiB)),
      processes: serverUsage,
      generatorCpuPercent: gen!.cpuPercent,
      generatorRssMiB: gen!.rssMiB,
      driverCpuPercent: driver!.cpuPercent,
      machineBusyPercent: busy,
      ...media,
      joinMs: p50p95(timings.map((t) => t.joinMs)),
      setupMs: p50p95(timings.map((t) => t.setupMs)),
      probeTransitMs: p50p95(stats.probeTransitMs),
      generatorSaturated,
    };
    result.steps.push(step);
    if (result.steps.length === 1) await options.afterFirstStep?.();
    log(`${target.name} ${sessions} sessions: server ${serverCpu}% of a core (${step.serverCpuPercentOfAllCores}% of ${CORES}), generator ${gen!.cpuPercent}%, ` +
      `loss ${media.lossPercent}%, ${media.receivedPacketsPerSecond} pkt/s received, generator slip ${media.generatorSlipMsPerSecond} ms/s, join p95 ${step.joinMs.p95} ms, transit p50 ${step.probeTransitMs.p50} ms, machine ${busy}% busy`);
    // Loss and join time count against the target only while the generator kept time: a starved
    // generator (or machine) loses and delays packets of its own.
    const knee: string[] = [];
    if (step.serverCpuPercentOfAllCores >= KNEE.serverCpuPercentOfAllCores) knee.push(`server CPU ${step.serverCpuPercentOfAllCores}% >= ${KNEE.serverCpuPercentOfAllCores}% of all cores`);
    if (!generatorSaturated && media.lossPercent > KNEE.lossPercent) knee.push(`loss ${media.lossPercent}% > ${KNEE.lossPercent}%`);
    if (!generatorSaturated && (step.joinMs.p95 ?? 0) > KNEE.joinP95Ms) knee.push(`join p95 ${step.joinMs.p95} ms > ${KNEE.joinP95Ms} ms`);
    if (knee.length > 0) {
      result.kneeReached = true;
      result.stopReason = `knee: ${knee.join(', ')}`;
      if (generatorSaturated) result.stopReason += ' (the generator was saturated too)';
      break;
    }
    if (generatorSaturated) {
      result.generatorSaturated = true;
      result.stopReason = `generator saturated (${gen!.cpuPercent}% of a core, behind its clip by ${media.generatorSlipMsPerSecond} ms per second, sending ${media.sentPacketsPerSecond} of ${Math.round(options.sentPerSession * sessions)} packets/s)`;
      break;
    }
  }
  return result;
}

/**
 * CPU per session: slope of the server's CPU (% of one core) over sessions, idle included, through
 * the steps below the knee where the generator kept time (a lagging generator under-loads the server).
 */
export function cpuPerSession(result: RampResult): number {
  const below = (result.kneeReached ? result.steps.slice(0, -1) : result.steps).filter((s) => !s.generatorSaturated);
  const usable = below.length > 0 ? below : result.steps;
  const points: [number, number][] = [[0, result.idle.serverCpuPercent], ...usable.map((s): [number, number] => [s.sessions, s.serverCpuPercent])];
  return Math.round(slope(points) * 1000) / 1000;
}

/**
 * Sessions per node: the largest step below the knee when the knee was reached; otherwise
 * (generator saturated, time budget) projected from CPU per session to the CPU knee.
 */
export function sessionsPerNode(result: RampResult, perSession: number): { value: number | null; basis: 'measured' | 'projected-from-cpu' | 'none' } {
  if (result.kneeReached) {
    const below = result.steps.slice(0, -1);
    return { value: below.length > 0 ? below[below.length - 1]!.sessions : 0, basis: 'measured' };
  }
  if (perSession <= 0) return { value: null, basis: 'none' };
  const budget = (KNEE.serverCpuPercentOfAllCores / 100) * CORES * 100 - result.idle.serverCpuPercent;
  return { value: Math.floor(budget / perSession), basis: 'projected-from-cpu' };
}
