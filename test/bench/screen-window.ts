import type { Page } from 'puppeteer-core';
import { waitFor } from '../support/wait-for';
import type { StreamRecord } from './frame-decoder';
import { percentile } from './stats';

/** What one stream (SFU or P2P) showed the agent page during one measurement window. */
export interface StreamFigures {
  frames: number;
  undecodableFrames: number;
  receivedWidthP50: number | null;
  receivedHeightP50: number | null;
  /** From the window's start (share start or mode change) to the first frame at the mode's full resolution; null if never. */
  timeToFullResolutionMs: number | null;
  fps: number | null;
  g2gP50Ms: number | null;
  g2gP95Ms: number | null;
  /** PSNR of the luma over the text-and-lines region, decoded frame scaled to source size vs the re-rendered source frame. */
  psnrDbP50: number | null;
  psnrSamples: number;
}

interface WindowRead {
  frames: StreamRecord['frames'];
  psnr: StreamRecord['psnr'];
  bad: number;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const p = (xs: number[], q: number, digits = 1) => (xs.length ? round(percentile(xs, q), digits) : null);

/** Reads a stream's record from `from` (page epoch ms) on; `bad` is the undecodable count so far. */
export function readWindow(agentPage: Page, label: string, from: number): Promise<WindowRead> {
  return agentPage.evaluate(
    (l: string, f: number) => {
      const r = (window as unknown as { __bench: Record<string, StreamRecord> }).__bench[l] ?? { frames: [], psnr: [], bad: 0 };
      return { frames: r.frames.filter((x) => x[0] >= f), psnr: r.psnr.filter((x) => x[0] >= f), bad: r.bad };
    },
    label,
    from,
  );
}

/**
 * Waits until every label has `frames` frames after `from + settleMs`, or until
 * `maxMs` after `from` (slow modes send few frames), then returns the reads.
 */
export async function collectWindow(agentPage: Page, labels: string[], from: number, options: { frames: number; settleMs: number; maxMs: number }) {
  const badBefore = await Promise.all(labels.map(async (l) => (await readWindow(agentPage, l, from)).bad));
  const deadline = Date.now() + options.maxMs;
  await waitFor(`${options.frames} frames on ${labels.join(' and ')}`, async () => {
    if (Date.now() >= deadline) return true;
    const reads = await Promise.all(labels.map((l) => readWindow(agentPage, l, from + options.settleMs)));
    return reads.every((r) => r.frames.length >= options.frames);
  }, { timeoutMs: options.maxMs + 30_000, intervalMs: 500 });
  const reads = await Promise.all(labels.map((l) => readWindow(agentPage, l, from)));
  return reads.map((r, i) => ({ ...r, bad: r.bad - badBefore[i]! }));
}

/** Figures of one window; steady-state figures skip the first `settleMs`. */
export function streamFigures(read: WindowRead, from: number, settleMs: number, fullHeight: number): StreamFigures {
  const steady = read.frames.filter((f) => f[0] >= from + settleMs);
  const full = read.frames.find((f) => f[3] >= fullHeight * 0.98);
  const span = steady.length > 1 ? steady[steady.length - 1]![0] - steady[0]![0] : 0;
  const psnr = read.psnr.filter((x) => x[0] >= from + settleMs).map((x) => x[1]);
  return {
    frames: steady.length,
    undecodableFrames: read.bad,
    receivedWidthP50: p(steady.map((f) => f[2]), 50, 0),
    receivedHeightP50: p(steady.map((f) => f[3]), 50, 0),
    timeToFullResolutionMs: full ? round(full[0] - from, 0) : null,
    fps: span > 0 ? round(((steady.length - 1) * 1000) / span) : null,
    g2gP50Ms: p(steady.map((f) => f[1]), 50),
    g2gP95Ms: p(steady.map((f) => f[1]), 95),
    psnrDbP50: p(psnr, 50, 2),
    psnrSamples: psnr.length,
  };
}
