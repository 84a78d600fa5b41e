import type { Page } from 'puppeteer-core';
import { LIMITS } from '@rs/signaling';
import { useE2eWorld } from './e2e-world';
import { attribute, byTestId, click, sendChat, textAppears, visible } from './pages/page-helpers';

/** How far the page scrolls sideways (0: nothing sticks out). */
const horizontalOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Puts a long message in the chat box and sends it (typing 2,000 keys one by one would only slow the test). */
async function sendLongChat(page: Page, scope: string, text: string): Promise<void> {
  await visible(page, byTestId('chat-input', scope));
  await page.$eval(byTestId('chat-input', scope), (input, value) => {
    (input as HTMLInputElement).value = value;
  }, text);
  await click(page, byTestId('chat-send', scope));
}

/** How an element showing someone's text is laid out: its direction attribute and bidi isolation. */
const bidiOf = (page: Page, selector: string) =>
  page.$eval(selector, (e) => ({ dir: e.getAttribute('dir'), unicodeBidi: getComputedStyle(e).unicodeBidi, text: e.textContent }));

describe('hostile names and text in the browsers', () => {
  const world = useE2eWorld();

  it('a right-to-left override and long unbroken names and messages neither reorder nor widen the pages, the record included', async () => {
    const w = world();
    const agent = await w.signedIn(w.accounts.alice);
    const number = await agent.startSession();
    const longName = 'W'.repeat(LIMITS.displayNameLength - 1);
    const customer = await w.customer(number, `\u202E${longName}`);
    await agent.waitForParticipant(longName);

    expect(await bidiOf(agent.page, agent.inSession('participant-name'))).toMatchObject({ dir: 'auto', unicodeBidi: 'isolate' });
    const names = await agent.page.$$eval(agent.inSession('participant-name'), (els) => els.map((e) => e.textContent ?? ''));
    expect(names.join('')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);

    const message = 'M'.repeat(LIMITS.chatTextLength);
    await sendLongChat(customer.page, '', message);
    await textAppears(agent.page, agent.inSession('chat-message-text'), message);
    expect(await bidiOf(agent.page, agent.inSession('chat-message-text'))).toMatchObject({ dir: 'auto', unicodeBidi: 'isolate' });
    for (const page of [agent.page, customer.page]) expect(await horizontalOverflow(page)).toBe(0);

    await agent.endSession();
    await agent.page.click(agent.inSession('view-record'));
    await visible(agent.page, agent.inSession('session-record'));
    await textAppears(agent.page, agent.inSession('record-chat-message'), message);
    expect(await horizontalOverflow(agent.page)).toBe(0);
  });

  it('a customer flooding the chat is told in the chat panel to slow down; the refused message stays in the box', async () => {
    const w = world();
    const agent = await w.signedIn(w.accounts.alice);
    const customer = await w.customer(await agent.startSession(), 'Flo');
    let refusedAt = -1;
    for (let i = 0; i < 40 && refusedAt < 0; i++) {
      await sendChat(customer.page, `message ${i}`);
      await customer.page.waitForFunction((selector) => !(document.querySelector(selector) as HTMLButtonElement).disabled, {}, byTestId('chat-send'));
      if ((await attribute(customer.page, byTestId('chat-error'), 'data-state')) === 'rate-limited') refusedAt = i;
    }
    expect(refusedAt).toBeGreaterThanOrEqual(10);
    await textAppears(customer.page, byTestId('chat-error'), 'too fast');
    expect(await customer.page.$eval(byTestId('chat-input'), (input) => (input as HTMLInputElement).value)).toBe(`message ${refusedAt}`);
  });
});
