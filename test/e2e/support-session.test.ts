import type { Browser } from 'puppeteer-core';
import { ROUTES } from '@rs/signaling';
import { seedAccounts, updateAccount, type SeededAccount } from '../support/accounts';
import { launchBrowser } from '../support/browser';
import { postJson } from '../support/signaling-client';
import { TEST_ADMIN, startTestServer } from '../support/test-server';
import type { TestServer } from '../support/test-server';
import { waitFor } from '../support/wait-for';
import { AgentConsolePage } from './pages/agent-console-page';
import { CustomerPage } from './pages/customer-page';
import { attribute, byTestId, textAppears, texts, visible } from './pages/page-helpers';

/**
 * Both web apps as shipped (built dist/), in real headless Chromium, against a
 * real server and mediasoup worker. The customer's "screen" is Chromium's fake capture.
 */
describe('a support session in the browsers', () => {
  let server: TestServer;
  let browser: Browser;
  let agentAccount: SeededAccount;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const { alice } = await seedAccounts(server.url, TEST_ADMIN);
    // Every test here starts its own session and leaves it open.
    agentAccount = { ...alice, ...(await updateAccount(server.url, TEST_ADMIN, alice.id, { maxSessions: 10 })) };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function joinedSession(customerName: string) {
    const agent = await AgentConsolePage.open(browser, server.url);
    await agent.signIn(agentAccount);
    const number = await agent.startSession();
    const customer = await CustomerPage.open(browser, server.url);
    await customer.join(number, customerName);
    await agent.waitForParticipant(customerName);
    await textAppears(customer.page, byTestId('agent-name'), agentAccount.displayName);
    const sessionId = await server.app.services.store.findSessionIdByNumber(number);
    if (!sessionId) throw new Error('session not in the store');
    return { agent, customer, number, sessionId };
  }

  const producersOf = async (sessionId: string) => (await server.app.services.rooms.peek(sessionId))?.listProducers() ?? [];

  it('join by number, deny then allow view: frames are decoded on the agent page through the SFU; either side stops', async () => {
    const { agent, customer, sessionId } = await joinedSession('Dana');

    await agent.requestView();
    await agent.viewStatusIs('pending');
    await customer.answerConsent(false);
    await agent.viewStatusIs('denied');
    expect(await producersOf(sessionId)).toEqual([]);
    expect(await customer.isSharing()).toBe(false);

    await agent.requestView();
    await customer.answerConsent(true);
    const first = await agent.framesDecodedAbove(0);
    const later = await agent.framesDecodedAbove(first.framesDecoded + 10);
    expect(later.frameWidth).toBeGreaterThan(0);
    expect(await producersOf(sessionId)).toEqual([expect.objectContaining({ source: 'screen', kind: 'video' })]);
    await agent.viewStatusIs('viewing');
    await visible(customer.page, byTestId('sharing-banner'));

    // The customer stops from their banner: the agent's view ends, the server has no producer.
    await customer.page.click(`${byTestId('sharing-banner')} ${byTestId('stop-share')}`);
    await waitFor('no producer on the server', async () => (await producersOf(sessionId)).length === 0 || undefined);
    await waitFor('agent no longer viewing', async () => (await attribute(agent.page, agent.inSession('view-status'), 'data-state')) !== 'viewing' || undefined);

    // Again, and this time the agent stops.
    await agent.requestView();
    await customer.answerConsent(true);
    await agent.framesDecodedAbove(0);
    await agent.page.click(`${agent.inSession('screen-panel')} ${byTestId('stop-share')}`);
    await waitFor('customer no longer sharing', async () => !(await customer.isSharing()) || undefined);
    expect(await producersOf(sessionId)).toEqual([]);
  });

  it('chat both ways, in order with sender, to all and to one; history survives a reload of either side', async () => {
    const { agent, customer } = await joinedSession('Eli');
    const agentMessages = agent.inSession('chat-message-text');
    const customerMessages = byTestId('chat-message-text');
    await agent.sendChat('Hello Eli, I can see your request.');
    await textAppears(customer.page, customerMessages, 'Hello Eli, I can see your request.');
    await customer.sendChat('Thanks! The printer says offline.');
    await textAppears(agent.page, agentMessages, 'Thanks! The printer says offline.');

    const customerId = await attribute(agent.page, `${agent.inSession('participant-item')}[data-role="customer"]`, 'data-participant-id');
    await agent.sendChat('A private tip', customerId ?? undefined);
    await textAppears(customer.page, customerMessages, 'A private tip');
    await visible(customer.page, byTestId('chat-private'));

    const expected = ['Hello Eli, I can see your request.', 'Thanks! The printer says offline.', 'A private tip'];
    await customer.page.reload({ waitUntil: 'load' });
    await textAppears(customer.page, customerMessages, 'A private tip');
    expect(await texts(customer.page, customerMessages)).toEqual(expected);
    await agent.page.reload({ waitUntil: 'load' });
    await textAppears(agent.page, agentMessages, 'A private tip');
    expect(await texts(agent.page, agentMessages)).toEqual(expected);
    expect((await texts(agent.page, agent.inSession('chat-message'))).every((t) => /\d{1,2}:\d{2}/.test(t))).toBe(true);

    // A language change re-formats the times in place (zh-TW writes 上午/下午 where English writes AM/PM).
    const times = () => texts(customer.page, byTestId('chat-time'));
    const before = await times();
    await customer.page.select(byTestId('language-picker'), 'zh-TW');
    await waitFor('times in Traditional Chinese', async () => (await times()).every((t) => /[上下]午/.test(t)) || undefined);
    expect((await times()).length).toBe(before.length);
  });

  it('the customer leaves; the agent ends the session: the customer is told and the number no longer joins', async () => {
    const first = await joinedSession('Fay');
    await first.customer.page.click(byTestId('leave-session'));
    await waitFor('Fay gone from the agent list', async () => !(await texts(first.agent.page, first.agent.inSession('participant-name'))).includes('Fay') || undefined);

    const { agent, customer, number } = await joinedSession('Gus');
    await agent.endSession();
    await visible(customer.page, byTestId('session-ended'));
    expect(await attribute(customer.page, byTestId('session-ended'), 'data-reason')).toBe('agent-ended');

    const late = await CustomerPage.open(browser, server.url);
    await late.submitJoin(number, 'Late Larry');
    await visible(late.page, byTestId('join-error'));
    expect(await postJson(server.url, ROUTES.join, { sessionNumber: number, displayName: 'x' })).toMatchObject({ status: 404 });
  });
});
