import type { Page } from 'puppeteer-core';
import { waitFor } from '../support/wait-for';
import type { AgentConsolePage } from './pages/agent-console-page';
import type { CustomerPage } from './pages/customer-page';
import { attribute, byTestId, click } from './pages/page-helpers';

export interface AnnotationView {
  producerId: string | null;
  content: { x: number; y: number; width: number; height: number };
  strokes: { id: string; points: [number, number][] }[];
}

/** The agent asks to view (optionally a surface), the customer allows, frames arrive on the agent page. */
export async function shareCustomerScreen(agent: AgentConsolePage, customer: CustomerPage, surface?: 'monitor' | 'window' | 'browser'): Promise<void> {
  if (surface) await agent.page.select(agent.inSession('view-surface'), surface);
  await agent.requestView();
  await customer.answerConsent(true);
  await agent.framesDecodedAbove(0);
}

/** Waits for a data-* attribute of an element. */
export function dataIs(page: Page, selector: string, name: string, value: string): Promise<true> {
  return waitFor(`${selector} ${name}=${value}`, async () => (await attribute(page, selector, name)) === value || undefined);
}

/** Starts the call (agent) and makes sure the agent is in it. */
export async function agentStartsCall(agent: AgentConsolePage): Promise<void> {
  await click(agent.page, agent.inSession('voice-start'));
  await dataIs(agent.page, agent.inSession('voice-panel'), 'data-active', 'true');
  if ((await attribute(agent.page, agent.inSession('voice-panel'), 'data-joined')) !== 'true') await click(agent.page, agent.inSession('voice-join'));
  await dataIs(agent.page, agent.inSession('voice-panel'), 'data-joined', 'true');
}

export async function customerJoinsCall(customer: CustomerPage): Promise<void> {
  await click(customer.page, byTestId('voice-join'));
  await dataIs(customer.page, byTestId('voice-panel'), 'data-joined', 'true');
}
