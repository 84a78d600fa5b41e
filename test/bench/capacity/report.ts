import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { version as mediasoupVersion } from 'mediasoup';
import nodeDataChannel from 'node-datachannel';
import { cpuPerSession, KNEE, sessionsPerNode, type RampResult } from './ramp';
import type { SampleCheck } from './sample-check';

export type TargetName = 'ours' | 'bare' | 'janus';

export interface TargetReport {
  sessionsPerNode: number | null;
  /** 'measured': the largest step below the knee; 'projected-from-cpu': the ramp stopped before the knee (generator, time), projected from CPU per session. */
  sessionsPerNodeBasis: string;
  /** Sessions at which the server's CPU would reach the knee (70 % of all cores), from CPU per session and idle CPU. */
  projectedSessionsAtCpuKnee: number | null;
  /** Server CPU per session in % of ONE core (slope over the steps below the knee, idle included). */
  serverCpuPercentPerSession: number;
  stopReason: string;
  kneeReached: boolean;
  generatorSaturated: boolean;
  error?: string;
  idle: RampResult['idle'];
  sample: SampleCheck | null;
  steps: RampResult['steps'];
}

export function targetReport(result: RampResult, sample: SampleCheck | null): TargetReport {
  const perSession = cpuPerSession(result);
  const measured = sessionsPerNode(result, perSession);
  const projected = sessionsPerNode({ ...result, kneeReached: false }, perSession);
  return {
    sessionsPerNode: measured.value,
    sessionsPerNodeBasis: measured.basis,
    projectedSessionsAtCpuKnee: projected.value,
    serverCpuPercentPerSession: perSession,
    stopReason: result.stopReason,
    kneeReached: result.kneeReached,
    generatorSaturated: result.generatorSaturated,
    ...(result.error ? { error: result.error } : {}),
    idle: result.idle,
    sample,
    steps: result.steps,
  };
}

export function failedTarget(error: unknown): TargetReport {
  return {
    sessionsPerNode: null,
    sessionsPerNodeBasis: 'none',
    projectedSessionsAtCpuKnee: null,
    serverCpuPercentPerSession: 0,
    stopReason: 'target failed to start',
    kneeReached: false,
    generatorSaturated: false,
    error: error instanceof Error ? error.message : String(error),
    idle: { serverCpuPercent: 0, serverRssMiB: 0 },
    sample: null,
    steps: [],
  };
}

/** An installed package's version (read from its package.json: some packages do not export it). */
function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(path.resolve(__dirname, '../../../node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function versionOf(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 }).toString().split('\n').find((l) => l.trim())?.trim() ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function machineInfo() {
  return {
    cores: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    mediasoup: mediasoupVersion,
    nodeDatachannel: packageVersion('node-datachannel'),
    libdatachannel: nodeDataChannel.getLibraryVersion(),
    janus: versionOf('dpkg-query', ['-W', '-f=${Version}', 'janus']),
    ffmpeg: versionOf('ffmpeg', ['-version']),
  };
}

function sameSessionsRatio(a: TargetReport | undefined, b: TargetReport | undefined): { sessions: number; ratio: number | null } | null {
  const usable = (t: TargetReport | undefined) => new Map((t?.steps ?? []).filter((s) => !s.generatorSaturated).map((s) => [s.sessions, s.serverCpuPercent]));
  const ofA = usable(a);
  const ofB = usable(b);
  const common = [...ofA.keys()].filter((n) => ofB.has(n)).sort((x, y) => y - x)[0];
  return common === undefined ? null : { sessions: common, ratio: ratio(ofA.get(common)!, ofB.get(common)!) };
}

const ratio = (a: number, b: number) => (a > 0 && b > 0 ? Math.round((a / b) * 100) / 100 : null);

/** The stable keys of .bench/capacity.json. */
export function capacityReport(input: {
  mode: 'full' | 'smoke';
  startedAt: Date;
  machine: ReturnType<typeof machineInfo>;
  sessionUnit: Record<string, unknown>;
  targets: Partial<Record<TargetName, TargetReport>>;
}) {
  const { ours, bare, janus } = input.targets;
  return {
    schemaVersion: 1,
    mode: input.mode,
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - input.startedAt.getTime()) / 1000),
    machine: input.machine,
    knee: KNEE,
    sessionUnit: input.sessionUnit,
    sessionsPerNode: ours?.sessionsPerNode ?? null,
    sessionsPerNodeBasis: ours?.sessionsPerNodeBasis ?? 'none',
    serverCpuPercentPerSession: ours?.serverCpuPercentPerSession ?? null,
    controlPlaneOverheadRatio: ratio(ours?.serverCpuPercentPerSession ?? 0, bare?.serverCpuPercentPerSession ?? 0),
    /** Ours / bare server CPU at the largest number of sessions both carried with the generator keeping time (a check of the slope ratio). */
    controlPlaneOverheadAtSameSessions: sameSessionsRatio(ours, bare),
    oursVsJanusCpuPerSessionRatio: ratio(ours?.serverCpuPercentPerSession ?? 0, janus?.serverCpuPercentPerSession ?? 0),
    goals: {
      sessionsPerNodeAtLeast100: (ours?.projectedSessionsAtCpuKnee ?? 0) >= 100,
      controlPlaneAtMost1_1xBare: (ratio(ours?.serverCpuPercentPerSession ?? 0, bare?.serverCpuPercentPerSession ?? 0) ?? Infinity) <= 1.1,
      moreSessionsThanJanus: (ours?.projectedSessionsAtCpuKnee ?? 0) > (janus?.projectedSessionsAtCpuKnee ?? Infinity),
    },
    ours: ours ?? null,
    bare: bare ?? null,
    janus: janus ?? null,
    steps: ours?.steps ?? [],
  };
}
