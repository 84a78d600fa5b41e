import type { Browser, Page } from 'puppeteer-core';
import type { Credentials } from '../support/signaling-client';
import { waitFor } from '../support/wait-for';
import { AgentConsolePage } from '../e2e/pages/agent-console-page';
import { CustomerPage } from '../e2e/pages/customer-page';
import { byTestId, click, visible } from '../e2e/pages/page-helpers';
import { installBenchScreen, pageScript, preparePage, screenSpec, type ScreenSize, type ScreenSpec } from './bench-screen';
import { installFrameDecoder } from './frame-decoder';

export const epochNow = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());

export interface BenchSession {
  number: string;
  spec: ScreenSpec;
  joinClickedAt: number;
  allowClickedAt: number;
  firstFrameAt: number;
  agent: AgentConsolePage;
  customer: CustomerPage;
}

/**
 * An agent page and a customer page through the shipped apps: the customer joins,
 * the agent requests a view, the customer allows, and the customer's "screen"
 * (the bench canvas of `size`) reaches the agent page, whose decoder records it.
 */
export async function openBenchSession(browser: Browser, baseUrl: string, account: Credentials, size: ScreenSize): Promise<BenchSession> {
  const spec = screenSpec(size);
  const agent = await AgentConsolePage.open(browser, baseUrl);
  await preparePage(agent.page, pageScript(installFrameDecoder, agent.inSession('screen-video'), spec));
  await agent.page.reload({ waitUntil: 'load' });
  await agent.signIn(account);
  const number = await agent.startSession();

  const customer = await CustomerPage.open(browser, baseUrl);
  await preparePage(customer.page, pageScript(installBenchScreen, spec));
  await customer.page.reload({ waitUntil: 'load' });

  await customer.page.type('[data-testid="join-number"]', number);
  await customer.page.type('[data-testid="join-name"]', 'Bench Customer');
  const joinClickedAt = await epochNow(customer.page);
  await customer.page.click('[data-testid="join-submit"]');
  await agent.waitForParticipant('Bench Customer');
  await agent.requestView();
  await visible(customer.page, byTestId('consent-allow'));
  const allowClickedAt = await epochNow(customer.page);
  await click(customer.page, byTestId('consent-allow'));
  const firstFrameAt = await waitFor('first decoded frame on the agent page', () =>
    agent.page.evaluate(() => (window as unknown as { __firstFrameAt: number | null }).__firstFrameAt ?? undefined),
  );
  return { number, spec, joinClickedAt, allowClickedAt, firstFrameAt, agent, customer };
}

export async function closeBenchSession(session: BenchSession): Promise<void> {
  await session.agent.endSession();
  await Promise.all([session.agent.page.close(), session.customer.close()]);
}
