import { percentile } from '../stats';
import type { GeneratorStats } from './generator-protocol';

/** Receive counters summed over every stream of the given sessions (or all). */
export interface Totals {
  packets: number;
  expected: number;
  sent: number;
  slippedMs: number;
  sendingStreams: number;
  /** Streams per session with their packet counts (to tell a session whose media stopped). */
  perSession: Map<number, number>;
  jitterMs: number[];
}

export function totalsOf(stats: GeneratorStats): Totals {
  const totals: Totals = { packets: 0, expected: 0, sent: 0, slippedMs: 0, sendingStreams: 0, perSession: new Map(), jitterMs: [] };
  for (const peer of stats.peers) {
    totals.sent += peer.sentPackets;
    totals.slippedMs += peer.slippedMs;
    totals.sendingStreams += peer.sendingStreams;
    for (const stream of peer.received) {
      totals.packets += stream.packets;
      totals.expected += stream.expected;
      totals.jitterMs.push(stream.jitterMs);
      totals.perSession.set(peer.session, (totals.perSession.get(peer.session) ?? 0) + stream.packets);
    }
  }
  return totals;
}

export interface MediaWindow {
  receivedPacketsPerSecond: number;
  sentPacketsPerSecond: number;
  lossPercent: number;
  jitterMsP50: number;
  jitterMsMax: number;
  /** Sessions that received nothing during the window. */
  sessionsWithoutMedia: number;
  /** How far behind its clip the generator fell, per sending stream, in ms per second of window (0: it kept time). */
  generatorSlipMsPerSecond: number;
}

const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null);

/** What the receivers saw between two generator snapshots. */
export function mediaWindow(before: Totals, after: Totals, seconds: number, sessions: number): MediaWindow {
  const expected = after.expected - before.expected;
  const received = after.packets - before.packets;
  let silent = 0;
  for (let s = 0; s < sessions; s++) if ((after.perSession.get(s) ?? 0) - (before.perSession.get(s) ?? 0) <= 0) silent++;
  return {
    receivedPacketsPerSecond: Math.round(received / seconds),
    sentPacketsPerSecond: Math.round((after.sent - before.sent) / seconds),
    lossPercent: round(expected > 0 ? Math.max(0, ((expected - received) / expected) * 100) : 0, 3)!,
    jitterMsP50: round(percentile(after.jitterMs, 50)) ?? 0,
    jitterMsMax: round(Math.max(0, ...after.jitterMs)) ?? 0,
    sessionsWithoutMedia: silent,
    generatorSlipMsPerSecond: round(after.sendingStreams > 0 ? (after.slippedMs - before.slippedMs) / after.sendingStreams / seconds : 0, 1)!,
  };
}

/** p50/p95 of a list of durations (ms, one decimal); null when empty. */
export function p50p95(samples: number[]): { p50: number | null; p95: number | null; n: number } {
  if (samples.length === 0) return { p50: null, p95: null, n: 0 };
  return { p50: round(percentile(samples, 50), 1), p95: round(percentile(samples, 95), 1), n: samples.length };
}

/** Least-squares slope of y over x (0 with fewer than two distinct x). */
export function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const num = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
