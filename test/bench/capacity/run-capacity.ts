/**
 * npm run bench:capacity [-- --smoke] [--targets=ours,bare,janus] [--steps=10,20,40]
 *
 * How many support sessions one node carries: the same session load (replayed by one
 * generator process) through our server, bare mediasoup and Janus, ramped until the knee.
 * Writes .bench/capacity.json and .bench/capacity.svg (smoke: capacity-smoke.*), and
 * copies the chart of a full run to docs/capacity.svg.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { capacityChart } from './chart';
import { ensureClipFiles, opusClip, packetRate, screenLayers, vp8Clip } from './clip';
import { GeneratorClient } from './generator-client';
import { ramp, type RampOptions } from './ramp';
import { capacityReport, failedTarget, machineInfo, targetReport, type TargetName, type TargetReport } from './report';
import { checkSample, type SampleCheck } from './sample-check';
import { peerName } from './session-unit';
import type { Target } from './target';
import { startBareTarget } from './target-bare';
import { startJanusTarget } from './target-janus';
import { startOursTarget } from './target-ours';

const ROOT = path.resolve(__dirname, '../../..');
let OUT = path.join(ROOT, '.bench');
const COLORS: Record<TargetName, string> = { ours: '#1f6feb', bare: '#2da44e', janus: '#d4a72c' };
const STARTERS: Record<TargetName, () => Promise<Target>> = { ours: () => startOursTarget(), bare: () => startBareTarget(), janus: startJanusTarget };

interface Mode {
  name: 'full' | 'smoke';
  clipSeconds: number;
  steps: number[];
  settleMs: number;
  windowMs: number;
  concurrency: number;
  /** Budget for the whole run; each target gets its share. */
  budgetMs: number;
  /** How long the idle CPU of a target is measured, and the decoded sample recorded. */
  idleMs: number;
  sampleMs: number;
}

const FULL: Mode = { name: 'full', clipSeconds: 4, steps: [10, 20, 40, 80, 120, 160, 200], settleMs: 3_000, windowMs: 5_000, concurrency: 4, budgetMs: 10 * 60_000, idleMs: 3_000, sampleMs: 4_000 };
const SMOKE: Mode = { name: 'smoke', clipSeconds: 1, steps: [2], settleMs: 1_500, windowMs: 2_000, concurrency: 2, budgetMs: 45_000, idleMs: 1_000, sampleMs: 1_500 };

function parseArgs(argv: string[]) {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const mode = argv.includes('--smoke') ? SMOKE : FULL;
  const steps = value('steps')?.split(',').map(Number).filter((n) => n > 0);
  const targets = (value('targets')?.split(',') ?? ['ours', 'bare', 'janus']) as TargetName[];
  return { mode: steps ? { ...mode, steps } : mode, targets, out: value('out') };
}

const closers = new Set<() => Promise<void>>();
async function cleanup(): Promise<void> {
  for (const close of [...closers].reverse()) await close().catch(() => undefined);
  closers.clear();
}
process.once('uncaughtException', (error) => {
  console.error('capacity: uncaught', error);
  void cleanup().finally(() => process.exit(1));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`capacity: ${signal}, stopping every process started`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** Records up to 90 frames (for `ms`) of session 0's screen as the agent receives it, and decodes them with ffmpeg. */
async function sample(generator: GeneratorClient, target: TargetName, ms: number): Promise<SampleCheck | null> {
  const peer = peerName(target, 0, 'agent-recv');
  try {
    await generator.record(peer, 90);
    await sleep(ms);
    return await checkSample(await generator.dump(peer, path.join(OUT, `capacity-sample-${target}.ivf`)));
  } catch (error) {
    console.error(`capacity: ${target} sample failed: ${String(error)}`);
    return null;
  }
}

async function runTarget(name: TargetName, generator: GeneratorClient, options: RampOptions, sampleMs: number): Promise<TargetReport> {
  let target: Target;
  try {
    target = await STARTERS[name]();
  } catch (error) {
    console.error(`capacity: ${name} did not start: ${String(error)}`);
    return failedTarget(error);
  }
  const close = () => target.close();
  closers.add(close);
  try {
    let checked: SampleCheck | null = null;
    const result = await ramp(target, generator, { ...options, afterFirstStep: async () => void (checked = await sample(generator, name, sampleMs)) }, (line) => console.log(`capacity: ${line}`));
    return targetReport(result, checked);
  } finally {
    await generator.closePeers(`${name}/`).catch(() => undefined);
    closers.delete(close);
    await close();
  }
}

async function main(): Promise<void> {
  const { mode, targets, out } = parseArgs(process.argv.slice(2));
  if (out) OUT = path.resolve(out);
  const startedAt = new Date();
  mkdirSync(OUT, { recursive: true });
  const machine = machineInfo();
  console.log(`capacity: ${mode.name} run on ${machine.cores} cores (${machine.cpuModel}), load average ${machine.loadAverageAtStart.join(' ')}`);
  const clipFiles = await ensureClipFiles(path.join(ROOT, '.bench', 'capacity-clip'), mode.clipSeconds);
  const screen = clipFiles.layers.map(vp8Clip);
  const mic = opusClip(clipFiles.mic);
  const sentPerSession = screen.reduce((a, c) => a + packetRate(c), 0) + 2 * packetRate(mic);
  const sessionUnit = {
    description: 'customer: screen VP8 3 simulcast layers + Opus mic; agent: Opus mic; agent receives the top layer + customer mic; customer receives agent mic',
    screenLayers: screenLayers().map((l, i) => ({ ...l, packetsPerSecond: Math.round(packetRate(screen[i]!)) })),
    micPacketsPerSecond: Math.round(packetRate(mic)),
    packetsPerSecondIn: Math.round(sentPerSession),
    packetsPerSecondOut: Math.round(packetRate(screen[screen.length - 1]!) + 2 * packetRate(mic)),
    clipSeconds: mode.clipSeconds,
  };
  const generator = await GeneratorClient.start(clipFiles);
  closers.add(() => generator.stop());
  const results: Partial<Record<TargetName, TargetReport>> = {};
  try {
    const budgetStart = Date.now();
    for (const [index, name] of targets.entries()) {
      const share = (mode.budgetMs - (Date.now() - budgetStart)) / (targets.length - index);
      const options: RampOptions = { steps: mode.steps, settleMs: mode.settleMs, windowMs: mode.windowMs, concurrency: mode.concurrency, deadline: Date.now() + share, sentPerSession, idleMs: mode.idleMs };
      results[name] = await runTarget(name, generator, options, mode.sampleMs);
    }
  } finally {
    await cleanup();
  }
  const report = capacityReport({ mode: mode.name, startedAt, machine, sessionUnit, targets: results });
  const base = mode.name === 'smoke' ? 'capacity-smoke' : 'capacity';
  const jsonFile = path.join(OUT, `${base}.json`);
  const svgFile = path.join(OUT, `${base}.svg`);
  writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  const series = (Object.keys(results) as TargetName[]).map((name) => ({
    name: name === 'ours' ? 'ours (server + workers + Redis)' : name === 'bare' ? 'bare mediasoup' : 'Janus VideoRoom',
    color: COLORS[name],
    points: [
      { sessions: 0, cpu: Math.round((results[name]!.idle.serverCpuPercent / machine.cores) * 10) / 10, loss: 0 },
      ...results[name]!.steps.map((s) => ({ sessions: s.sessions, cpu: s.serverCpuPercentOfAllCores, loss: s.lossPercent })),
    ],
  }));
  const maxBusy = Math.max(0, ...Object.values(results).flatMap((r) => r.steps.map((s) => s.machineBusyPercent)));
  writeFileSync(svgFile, capacityChart(series, `${machine.cores} cores, ${machine.cpuModel}; ${startedAt.toISOString().slice(0, 10)}; machine up to ${maxBusy}% busy (generator included)`));
  if (mode.name === 'full' && !out) {
    mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    copyFileSync(svgFile, path.join(ROOT, 'docs', 'capacity.svg'));
  }
  console.log(`capacity: sessions per node ours ${report.sessionsPerNode} (${report.sessionsPerNodeBasis}), bare ${report.bare?.sessionsPerNode}, janus ${report.janus?.sessionsPerNode}; ` +
    `CPU per session ours ${report.serverCpuPercentPerSession}% of a core, control plane ${report.controlPlaneOverheadRatio}x bare; ${report.durationSeconds} s; ${jsonFile}`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  },
);
