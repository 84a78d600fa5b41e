import type { Page } from 'puppeteer-core';
import { waitFor } from '../../support/wait-for';

export const byTestId = (id: string): string => `[data-testid="${id}"]`;

/** Waits until an element with this test id is visible. */
export async function visible(page: Page, id: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`${byTestId(id)}:not([hidden])`, { visible: true, timeout });
}

export async function click(page: Page, id: string): Promise<void> {
  await visible(page, id);
  await page.click(byTestId(id));
}

export async function type(page: Page, id: string, text: string): Promise<void> {
  await visible(page, id);
  await page.click(byTestId(id), { count: 3 });
  await page.type(byTestId(id), text);
}

/** Texts of every element with this test id, in document order. */
export function texts(page: Page, id: string): Promise<string[]> {
  return page.$$eval(byTestId(id), (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
}

export function attribute(page: Page, id: string, name: string): Promise<string | null> {
  return page.$eval(byTestId(id), (e, n) => e.getAttribute(n), name).catch(() => null);
}

/** Waits until some element with this test id has a text containing `text`. */
export function textAppears(page: Page, id: string, text: string): Promise<string[]> {
  return waitFor(`"${text}" in [${id}]`, async () => {
    const all = await texts(page, id);
    return all.some((t) => t.includes(text)) ? all : undefined;
  });
}

export function stateIs(page: Page, id: string, state: string): Promise<true> {
  return waitFor(`[${id}] data-state=${state}`, async () => (await attribute(page, id, 'data-state')) === state || undefined);
}

/** Types a chat message (to everyone, or to one participant) and sends it. */
export async function sendChat(page: Page, text: string, recipientId?: string): Promise<void> {
  if (recipientId) await page.select(byTestId('chat-recipient'), recipientId);
  await type(page, 'chat-input', text);
  await click(page, 'chat-send');
}
