import type { Browser } from 'puppeteer-core';
import type { ProducerInfo } from '@rs/signaling';
import { seedAccounts, type SeededAccounts } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import type { Credentials } from '../support/signaling-client';
import type { ConfigInput } from '../../server/src/config/config';
import { TEST_ADMIN, startTestServer, type TestServer } from '../support/test-server';
import { AgentConsolePage } from './pages/agent-console-page';
import { CustomerPage, type CustomerPageOptions } from './pages/customer-page';
import { byTestId, isShown } from './pages/page-helpers';
import { waitFor } from '../support/wait-for';

/** A real server with seeded accounts, a real Chromium, and the pages a test opened (closed after each test). */
export interface E2eWorld {
  server: TestServer;
  browser: Browser;
  accounts: SeededAccounts;
  /** Opens the console (optionally on a link fragment) and signs in. */
  signedIn(who: Credentials, hash?: string): Promise<AgentConsolePage>;
  /** Opens the customer client (in a browser context of its own) and joins a session by number. */
  customer(number: string, name: string, options?: CustomerPageOptions): Promise<CustomerPage>;
  /** Opens another tab of a customer's browser and joins a session by number from it. */
  customerTab(of: CustomerPage, number: string, name: string): Promise<CustomerPage>;
  sessionIdOf(number: string): Promise<string>;
  /** The media producers the SFU holds for a session now. */
  producersOf(sessionId: string): Promise<ProducerInfo[]>;
}

async function joined(page: CustomerPage, number: string, name: string): Promise<CustomerPage> {
  await page.join(number, name);
  // Joined once the snapshot named the agent, or (another customer was there first) waiting to be admitted.
  const named = `${byTestId('agent-name')}[data-i18n="customer.agentIs"]`;
  await waitFor('the session or the admission wait shown', async () => (await isShown(page.page, named)) || (await isShown(page.page, byTestId('admission-wait'))) || undefined);
  return page;
}

/** Declares beforeAll/afterEach/afterAll for a describe block; the world is ready inside tests. */
export function useE2eWorld(overrides: Partial<ConfigInput> = {}): () => E2eWorld {
  let world: E2eWorld | null = null;
  let pages: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    const server = await startTestServer(overrides);
    const browser = await launchBrowser();
    const accounts = await seedAccounts(server.url, TEST_ADMIN);
    world = {
      server,
      browser,
      accounts,
      async signedIn(who, hash = '') {
        const page = await AgentConsolePage.open(browser, server.url, hash);
        pages.push(page);
        await page.signIn(who);
        return page;
      },
      async customer(number, name, options) {
        const page = await CustomerPage.open(browser, server.url, options);
        pages.push(page);
        return joined(page, number, name);
      },
      async customerTab(of, number, name) {
        const page = await of.openTab(server.url);
        pages.push(page);
        return joined(page, number, name);
      },
      async sessionIdOf(number) {
        const id = await server.app.services.store.findSessionIdByNumber(number);
        if (!id) throw new Error(`session ${number} not in the store`);
        return id;
      },
      async producersOf(sessionId) {
        return (await server.app.services.rooms.peek(sessionId))?.listProducers() ?? [];
      },
    };
  });
  afterEach(async () => {
    const open = pages;
    pages = [];
    await Promise.all(open.map((page) => page.close().catch(() => undefined)));
    // Sessions a test (or a failed try of it) left running end, so the agents' session limits start fresh.
    if (!world) return;
    const { alice, bob, sam } = world.accounts;
    for (const account of [alice, bob, sam]) await world.server.app.services.sessions.closeSessionsOf(account.id);
  });
  afterAll(async () => {
    await world?.browser.close();
    await world?.server.close();
  });

  return () => {
    if (!world) throw new Error('the e2e world is not ready (beforeAll failed?)');
    return world;
  };
}
