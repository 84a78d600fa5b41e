import puppeteer from 'puppeteer-core';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, kept off the network, with fake camera/mic/screen
 * (getDisplayMedia returns a synthetic 800x450 screen) and loopback ICE allowed.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--disable-features=NetworkTimeServiceQuerying',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
      ...extraArgs,
    ],
  });
}

/**
 * A page in its own window, so it keeps painting while another page has focus;
 * in a browser context of its own when given one (its own storage, like another
 * person's browser). `beforeLoad` runs before the app's first script.
 */
export async function openWindow(browser: Browser | BrowserContext, url: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage({ type: 'window' });
  page.on('pageerror', (err) => process.stderr.write(`[page error] ${url}: ${String(err)}\n`));
  if (beforeLoad) await beforeLoad(page);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}
