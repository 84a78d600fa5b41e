import { waitFor } from '../support/wait-for';
import type { AgentConsolePage } from './pages/agent-console-page';

/** The screen shown on the agent page: its producer and frames decoded so far. */
export interface ShownScreen {
  producerId: string | null;
  framesDecoded: number;
}

export async function shownScreen(agent: AgentConsolePage): Promise<ShownScreen> {
  const view = await agent.debug<{ producerId: string | null } | null>('annotationView');
  const stats = await agent.screenStats();
  return { producerId: view?.producerId ?? null, framesDecoded: stats?.framesDecoded ?? 0 };
}

/**
 * Waits until the agent page decodes frames again after `since`: more than
 * `frames` new frames of the same screen, or of a new one (a new producer
 * after a rebuild). Nobody clicks anything meanwhile.
 */
export function framesFlowAgain(agent: AgentConsolePage, since: ShownScreen, frames = 10, timeoutMs = 20_000): Promise<ShownScreen> {
  return waitFor(
    `frames decoded again on the agent page (since ${JSON.stringify(since)})`,
    async () => {
      const now = await shownScreen(agent);
      if (now.producerId === null) return undefined;
      const base = now.producerId === since.producerId ? since.framesDecoded : 0;
      return now.framesDecoded > base + frames ? now : undefined;
    },
    { timeoutMs },
  );
}
