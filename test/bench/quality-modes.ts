import type { Page } from 'puppeteer-core';
import type { QualityMode } from '@rs/signaling';
import type { TestClient } from '../support/signaling-client';
import { waitFor } from '../support/wait-for';
import { summarize } from './stats';
import type { Summary } from './stats';

/** Collects `count` glass-to-glass samples from the agent page's frame decoder (see timestamp-grid.ts). */
export async function collectGlassToGlass(agentPage: Page, count: number): Promise<{ latency: Summary; badFrames: number }> {
  await agentPage.evaluate(() => {
    const w = window as unknown as { __g2g: number[]; __badFrames: number };
    w.__g2g = [];
    w.__badFrames = 0;
  });
  const samples = await waitFor(`${count} decoded frames`, async () => {
    const got = await agentPage.evaluate(() => (window as unknown as { __g2g: number[] }).__g2g);
    return got.length >= count ? got : undefined;
  }, { timeoutMs: 180_000, intervalMs: 500 });
  const badFrames = await agentPage.evaluate(() => (window as unknown as { __badFrames: number }).__badFrames);
  return { latency: summarize(samples), badFrames };
}

/**
 * Glass-to-glass per quality mode: the agent (a second connection of the same
 * account, so the same participant in control) sends share:set-quality; the
 * customer page applies the preset to its encoder, as in real use.
 */
export async function glassToGlassPerMode(
  agent: TestClient,
  sessionId: string,
  producerId: string,
  agentPage: Page,
  framesFor: (mode: QualityMode) => number,
): Promise<Record<QualityMode, { latency: Summary; badFrames: number }>> {
  const results: Partial<Record<QualityMode, { latency: Summary; badFrames: number }>> = {};
  for (const mode of ['high-detail', 'balanced', 'low-bandwidth'] as const) {
    await agent.call('share:set-quality', { sessionId, producerId, mode });
    await collectGlassToGlass(agentPage, 30); // let the encoder settle on the new parameters
    results[mode] = await collectGlassToGlass(agentPage, framesFor(mode));
  }
  return results as Record<QualityMode, { latency: Summary; badFrames: number }>;
}
