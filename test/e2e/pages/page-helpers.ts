import type { Page } from 'puppeteer-core';
import { waitFor } from '../../support/wait-for';

/** A selector for a data-testid, optionally inside a scope selector. */
export const byTestId = (id: string, scope = ''): string => `${scope ? `${scope} ` : ''}[data-testid="${id}"]`;

/** Waits until an element matching the selector is visible. */
export async function visible(page: Page, selector: string, timeout = 15_000): Promise<void> {
  await page.waitForSelector(`${selector}:not([hidden])`, { visible: true, timeout });
}

/** Clicks the element, querying it again if the view re-rendered it between finding and clicking. */
export async function click(page: Page, selector: string): Promise<void> {
  await visible(page, selector);
  await waitFor(`a click on ${selector}`, async () => {
    await page.click(selector);
    return true;
  });
}

export async function type(page: Page, selector: string, text: string): Promise<void> {
  await visible(page, selector);
  await page.click(selector, { count: 3 });
  await page.type(selector, text);
}

/** Texts of every element matching the selector, in document order. */
export function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText.trim()));
}

export function attribute(page: Page, selector: string, name: string): Promise<string | null> {
  return page.$eval(selector, (e, n) => e.getAttribute(n), name).catch(() => null);
}

/** Waits until some element matching the selector has a text containing `text`. */
export function textAppears(page: Page, selector: string, text: string): Promise<string[]> {
  return waitFor(`"${text}" in ${selector}`, async () => {
    const all = await texts(page, selector);
    return all.some((t) => t.includes(text)) ? all : undefined;
  });
}

export function stateIs(page: Page, selector: string, state: string): Promise<true> {
  return waitFor(`${selector} data-state=${state}`, async () => (await attribute(page, selector, 'data-state')) === state || undefined);
}

/** Waits until the (first) element matching the selector is enabled or disabled. */
export function enabledIs(page: Page, selector: string, enabled: boolean): Promise<true> {
  return waitFor(`${selector} ${enabled ? 'enabled' : 'disabled'}`, () =>
    page.$eval(selector, (e) => !(e as HTMLButtonElement).disabled).then((isEnabled) => isEnabled === enabled || undefined),
  );
}

/** Whether an element matching the selector is shown (present, not hidden). */
export function isShown(page: Page, selector: string): Promise<boolean> {
  return page.$$eval(selector, (els) => els.some((e) => (e as HTMLElement).offsetParent !== null && !(e as HTMLElement).hidden));
}

/** The whole visible text of a page (to prove something never reached it). */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Types a chat message (to everyone, or to one participant) and sends it, within a scope. */
export async function sendChat(page: Page, text: string, scope = '', recipientId?: string): Promise<void> {
  if (recipientId) await page.select(byTestId('chat-recipient', scope), recipientId);
  await type(page, byTestId('chat-input', scope), text);
  await click(page, byTestId('chat-send', scope));
}

/** Calls a debug hook of the page's app (window.remoteSupportDebug[name]). */
export function callDebugHook<T>(page: Page, name: string, args: unknown[]): Promise<T> {
  return page.evaluate(
    (hook, hookArgs) => (window as unknown as { remoteSupportDebug: Record<string, (...a: unknown[]) => unknown> }).remoteSupportDebug[hook]!(...hookArgs),
    name,
    args,
  ) as Promise<T>;
}
