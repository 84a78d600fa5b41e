/**
 * npm run bench:table: prints the README's figures tables (markdown) from
 * .bench/results.json (or the file given as the first argument).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Figures } from './screen-matrix';

const file = process.argv[2] ?? path.resolve(__dirname, '..', '..', '.bench', 'results.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as { takenAt: string; chromium: string; figures?: Figures; machine: { loadAverage?: number[] } };
const figures = results.figures ?? {};

const MODES = [
  ['highDetail', 'high detail'],
  ['balanced', 'balanced'],
  ['lowBandwidth', 'low bandwidth'],
] as const;
const sizes = [...new Set(Object.keys(figures).map((k) => /^screen\.\w+\.(\d+x\d+)\./.exec(k)?.[1]).filter((s): s is string => !!s))];

const show = (value: number | null | undefined, unit = '') => (value === null || value === undefined ? '–' : `${value}${unit}`);
const pair = (key: string, figure: string, unit = '') => `${show(figures[`${key}.sfu.${figure}`], unit)} / ${show(figures[`${key}.p2p.${figure}`], unit)}`;

const lines: string[] = [];
lines.push(`Screen share, SFU / direct peer-to-peer (same pages, same canvas, same run; ${results.takenAt.slice(0, 10)}, ${results.chromium}):`, '');
lines.push('| capture | mode | received height p50 | time to full resolution | fps | glass-to-glass p50 | p95 | p50 ratio SFU/P2P | fidelity (luma PSNR) |');
lines.push('|---|---|---|---|---|---|---|---|---|');
for (const size of sizes) {
  for (const [mode, label] of MODES) {
    const key = `screen.${mode}.${size}`;
    if (!(`${key}.sfu.frames` in figures)) continue;
    lines.push(
      `| ${size} | ${label} | ${pair(key, 'receivedHeightP50', ' px')} | ${pair(key, 'timeToFullResolutionMs', ' ms')} | ${pair(key, 'fps')} | ` +
        `${pair(key, 'g2gP50Ms', ' ms')} | ${pair(key, 'g2gP95Ms', ' ms')} | ${show(figures[`${key}.ratio.g2gP50`], '×')} | ${pair(key, 'psnrDbP50', ' dB')} |`,
    );
  }
}
lines.push('', '| capture | first frame height | Allow click → full resolution |', '|---|---|---|');
for (const size of sizes) {
  const key = `screen.shareStart.${size}.sfu`;
  lines.push(`| ${size} | ${show(figures[`${key}.firstFrameHeight`], ' px')} | ${show(figures[`${key}.timeToFullResolutionMs`], ' ms')} |`);
}
lines.push('', '| measure | p50 | p95 |', '|---|---|---|');
lines.push(`| Join click → first frame on the agent page | ${show(figures['join.joinToFirstFrameP50Ms'], ' ms')} | ${show(figures['join.joinToFirstFrameP95Ms'], ' ms')} |`);
lines.push(`| "Allow" click → first frame | ${show(figures['join.allowToFirstFrameP50Ms'], ' ms')} | ${show(figures['join.allowToFirstFrameP95Ms'], ' ms')} |`);
lines.push(`| worker CPU per forwarded screen stream | ${show(figures['sfu.workerCpuPerForwardedStreamPercentOfCore'], ' % of a core')} | |`);

// Remote control (test/bench/control.ts), when it ran.
const controlFile = path.join(path.dirname(file), 'control.json');
if (existsSync(controlFile)) {
  const control = JSON.parse(readFileSync(controlFile, 'utf8')) as { takenAt: string; figures: Figures; machine: { loadAverageBefore: number[] } };
  const c = control.figures;
  lines.push('', `Remote control on Xvfb through the built helper (${control.takenAt.slice(0, 10)}, load average ${control.machine.loadAverageBefore[0]} on 2 cores):`, '');
  lines.push('| measure | p50 | p95 / p99 |', '|---|---|---|');
  lines.push(`| agent click → target changes colour → agent's decoded frame shows it | ${show(c['control.roundTripP50Ms'], ' ms')} | p95 ${show(c['control.roundTripP95Ms'], ' ms')} |`);
  lines.push(`| agent keydown → keydown on the customer desktop, idle | ${show(c['control.deliveryIdleP50Ms'], ' ms')} | p99 ${show(c['control.deliveryIdleP99Ms'], ' ms')} |`);
  lines.push(`| same, while 64 KiB clipboard writes flow on the same path | ${show(c['control.deliveryLoadedP50Ms'], ' ms')} | p99 ${show(c['control.deliveryLoadedP99Ms'], ' ms')} |`);
}
// File transfer (test/bench/file-transfer.ts), when it ran: the files.* keys.
if ('files.p2p.mbPerSecond' in figures || 'files.relay.mbPerSecond' in figures) {
  const f = (key: string, unit = '') => show(figures[`files.${key}`], unit);
  const when = (results as { filesTakenAt?: string }).filesTakenAt?.slice(0, 10) ?? results.takenAt.slice(0, 10);
  lines.push('', `File transfer through the shipped apps, ${f('fileMB', ' MB')} random file, agent → customer, one run (${when}):`, '');
  lines.push('| path | throughput | share of the bare channel | agent / customer JS heap peak | largest renderer RSS peak |', '|---|---|---|---|---|');
  lines.push(`| (a) peer to peer | ${f('p2p.mbPerSecond', ' MB/s')} | ${f('ratio.p2pToBare')} | ${f('p2p.agentHeapMb')} / ${f('p2p.customerHeapMb', ' MB')} | ${f('p2p.rendererRssMaxMb', ' MB')} |`);
  lines.push(`| (b) SFU relay (forced) | ${f('relay.mbPerSecond', ' MB/s')} | ${f('ratio.relayToBare')} | ${f('relay.agentHeapMb')} / ${f('relay.customerHeapMb', ' MB')} | ${f('relay.rendererRssMaxMb', ' MB')} |`);
  lines.push(`| (c) bare RTCDataChannel, same pages (64 KiB / 256 KiB messages) | ${f('bare64k.mbPerSecond')} / ${f('bare256k.mbPerSecond', ' MB/s')} | 1 | | |`);
  lines.push(`| (a) with a ${f('small.fileMB', ' MB')} file (memory flat in size?) | ${f('small.mbPerSecond', ' MB/s')} | | ${f('small.agentHeapMb')} / ${f('small.customerHeapMb', ' MB')} | ${f('small.rendererRssMaxMb', ' MB')} |`);
  if ('files.huge.mbPerSecond' in figures) {
    lines.push(`| (a) with a 4 GiB + 1 byte file | ${f('huge.mbPerSecond', ' MB/s')} | | ${f('huge.agentHeapMb')} / ${f('huge.customerHeapMb', ' MB')} | ${f('huge.rendererRssMaxMb', ' MB')} |`);
  }
  lines.push('', '| measure | value |', '|---|---|');
  lines.push(`| mediasoup worker CPU during (b) | ${f('relay.workerCpuPercentOfCore', ' % of a core')} |`);
  lines.push(`| server process CPU during (b) (signaling + bench driver) | ${f('relay.serverProcessCpuPercentOfCore', ' % of a core')} |`);
  lines.push(`| customer offline at 30 % until the server paused the transfer, then back: bytes re-sent | ${f('drop.bytesResent')} (${f('drop.resentPercent', ' %')} of the file) |`);
}
process.stdout.write(`${lines.join('\n')}\n`);
