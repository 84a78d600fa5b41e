import { randomBytes } from 'node:crypto';
import type { Browser } from 'puppeteer-core';
import { seedAccounts } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import { startRedisServer, type RedisServerHandle } from '../support/redis-server';
import { TEST_ADMIN, startTestServer, type TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { shareCustomerScreen } from './media-helpers';
import { AgentConsolePage } from './pages/agent-console-page';
import { CustomerPage } from './pages/customer-page';
import { attribute, byTestId, click, isShown, textAppears } from './pages/page-helpers';
import { framesFlowAgain, shownScreen } from './recovery-helpers';

/** Issue 7 §3: the server process goes away and comes back on the same port with the same Redis and token secret. */
describe('server restart with durable state', () => {
  const tokenSecret = randomBytes(32).toString('hex');
  let redis: RedisServerHandle;
  let browser: Browser;
  let server: TestServer;
  const start = (port: number) => startTestServer({ redisUrl: redis.url, tokenSecret, port });

  beforeAll(async () => {
    redis = await startRedisServer();
    browser = await launchBrowser();
    server = await start(0);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await redis?.stop();
  });

  const chatCount = (page: AgentConsolePage | CustomerPage) => page.page.$$eval('[data-testid="chat-message"]', (items) => items.length);
  const connectionState = (page: AgentConsolePage | CustomerPage) => attribute(page.page, byTestId('connection-status'), 'data-state');

  it('both pages rejoin by themselves, the chat is kept and the share resumes under the same grant', async () => {
    const accounts = await seedAccounts(server.url, TEST_ADMIN);
    const agent = await AgentConsolePage.open(browser, server.url);
    await agent.signIn(accounts.alice);
    const number = await agent.startSession();
    const customer = await CustomerPage.open(browser, server.url);
    await customer.join(number, 'Alice');
    await agent.waitForParticipant('Alice');
    await customer.sendChat('before the restart');
    await textAppears(agent.page, agent.inSession('chat-message-text'), 'before the restart');
    await shareCustomerScreen(agent, customer);
    await agent.framesDecodedAbove(5);
    await customer.watchForConsentPrompt();
    const chats = { agent: await chatCount(agent), customer: await chatCount(customer) };
    const before = await shownScreen(agent);
    const port = Number(new URL(server.url).port);

    await server.close();
    await waitFor('both pages told the connection is lost', async () =>
      (await connectionState(agent)) === 'reconnecting' && (await connectionState(customer)) === 'reconnecting' ? true : undefined,
    );
    server = await start(port);

    await waitFor('both pages connected again', async () =>
      !(await isShown(agent.page, byTestId('connection-status'))) && !(await isShown(customer.page, byTestId('connection-status'))) ? true : undefined,
    );
    await agent.waitForParticipant('Alice');
    // The capture never stopped in the customer's page: it is sent again, no click, no new consent.
    const after = await framesFlowAgain(agent, before);
    expect(after.producerId).not.toBe(before.producerId);
    await agent.viewStatusIs('viewing');
    expect({ agent: await chatCount(agent), customer: await chatCount(customer) }).toEqual(chats);
    const sessionId = await server.app.services.store.findSessionIdByNumber(number);
    expect((await server.app.services.consents.list(sessionId!)).map((c) => c.status)).toEqual(['granted']);
    expect(await customer.consentPromptSeen()).toBe(false);

    // A reload after the restart: one Resume sharing click brings the screen back.
    await customer.page.reload({ waitUntil: 'load' });
    await agent.viewStatusIs('waiting-resume');
    await agent.requestViewEnabledIs(true);
    const reloaded = await shownScreen(agent);
    await click(customer.page, byTestId('share-resume'));
    await framesFlowAgain(agent, reloaded);
    await agent.viewStatusIs('viewing');
  });
});
